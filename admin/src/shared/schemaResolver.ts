import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form resolver from one of the API's zod schemas, so a form checks what the server
 * will check, with the same messages. Typed from the schema: the form holds the schema's input,
 * a valid submission hands on its output.
 */
export const schemaResolver = <Schema extends z.ZodType<FieldValues, FieldValues>>(schema: Schema): Resolver<z.input<Schema>, unknown, z.output<Schema>> =>
  zodResolver(schema);
