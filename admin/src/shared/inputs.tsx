import { NumberInput, SelectInput, TextInput, useLocaleState, useTranslate, type NumberInputProps, type SelectInputProps, type TextInputProps } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { ZodObject } from 'zod';
import { maxLengthOf } from '../../../backend/src/shared/fields.ts';
import { formatCount } from './format.ts';

/**
 * A text input whose limit comes from the shared zod schema the server checks with: it shows a
 * counter ("120 / 300 Zeichen") and no maxLength, so a long paste is shown and marked, never cut.
 */
export const LimitedTextInput = ({ schema, ...props }: TextInputProps & { schema: ZodObject<any> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const max = maxLengthOf(schema.shape[props.source]);
  const value = useWatch({ name: props.source });
  if (!max) return <TextInput {...props} />;
  const n = (x: number) => formatCount(x, locale);
  const length = String(value ?? '').length;
  return <TextInput {...props} helperText={translate('application_form.counter', { length: n(length), max: n(max), _: `${n(length)} / ${n(max)}` })} />;
};

/** Money is stored in cents; people type and read euros. */
export const MoneyInput = (props: NumberInputProps) => (
  <NumberInput
    step={0.01}
    format={(cents: number | null | undefined) => (cents == null ? '' : cents / 100)}
    parse={(euros: string | number) => (euros === '' || euros == null ? null : Math.round(Number(euros) * 100))}
    {...props}
  />
);

/** A select over an enum whose labels live under `enums.<name>.<value>`. */
export const EnumInput = ({ enumName, values, ...props }: { enumName: string; values: readonly string[] } & Omit<SelectInputProps, 'choices'>) => {
  const translate = useTranslate();
  return <SelectInput choices={values.map((v) => ({ id: v, name: translate(`enums.${enumName}.${v}`) }))} {...props} />;
};

export const enumChoices = (translate: (key: string) => string, enumName: string, values: readonly string[]) =>
  values.map((v) => ({ id: v, name: translate(`enums.${enumName}.${v}`) }));
