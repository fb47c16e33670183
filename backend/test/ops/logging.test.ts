import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { NonBlockingStdout } from '../../src/logger.ts';

describe('ops: logging never blocks', () => {
  it('drops lines past the limit while the reader stalls and reports how many once it catches up', async () => {
    const pipe = new PassThrough({ highWaterMark: 1024 });
    const reported: number[] = [];
    const out = new NonBlockingStdout(pipe as unknown as NodeJS.WriteStream, 4096, (dropped) => reported.push(dropped));
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 200; i++) out.write(line);
    assert.ok(pipe.writableLength <= 4096 + line.length, 'no more than the limit waits in memory');
    const dropped = out.dropped;
    assert.ok(dropped > 100, `the rest was dropped, not queued (${dropped} dropped)`);

    const drained = new Promise<void>((done) => pipe.once('drain', () => setImmediate(done)));
    pipe.resume();
    await drained;
    assert.deepEqual(reported, [dropped]);
    assert.equal(out.dropped, 0);
  });

  it('keeps serving when the reader is gone (EPIPE): the lines are dropped, the process lives', () => {
    const pipe = new PassThrough();
    const out = new NonBlockingStdout(pipe as unknown as NodeJS.WriteStream);
    pipe.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    out.write('{"msg":"after the reader left"}\n');
    assert.equal(out.dropped, 1);
  });
});
