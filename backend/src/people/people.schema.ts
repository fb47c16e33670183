import { z } from 'zod';
import { id, optionalEmail, requiredText, text } from '../shared/fields.ts';

export const personSchema = z.object({
  organisation_id: id(),
  first_name: requiredText(100, 'Bitte den Vornamen angeben.'),
  last_name: requiredText(100, 'Bitte den Nachnamen angeben.'),
  email: optionalEmail(),
  phone: text(50),
  role_title: text(120),
});
