import { deliverDueEmails } from '../../src/emails/emails.worker.ts';
import { testContext } from './context.ts';

export interface Delivered {
  id: number;
  to: string;
  subject: string;
  text: string;
}

export const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

/**
 * The recipients' side of the outbox: runs the outbox worker with a sender that keeps what it is
 * handed. Only there do account links carry their token (the stored bodies show them masked).
 */
export function mailbox() {
  const delivered: Delivered[] = [];
  return {
    delivered,
    /** Delivers everything due and returns every message received so far (to one address, if given). */
    async receive(to?: string): Promise<Delivered[]> {
      for (;;) {
        const { sent, failed, retried } = await deliverDueEmails(
          testContext.db,
          async (m) => void delivered.push({ id: m.id, to: m.to, subject: m.subject, text: m.text }),
          { from: 'test@example.org', batchSize: 100 },
        );
        if (sent + failed + retried === 0) break;
      }
      return to ? delivered.filter((m) => m.to.toLowerCase() === to.toLowerCase()) : delivered;
    },
    /** The token in the newest message to this address. */
    async token(to: string): Promise<string> {
      const mine = await this.receive(to);
      const token = mine.length ? tokenIn(mine[mine.length - 1].text) : undefined;
      if (!token) throw new Error(`no link with a token reached ${to}`);
      return token;
    },
  };
}
