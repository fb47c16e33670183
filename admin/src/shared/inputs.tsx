import { NumberField, NumberInput, SelectInput, useTranslate, type NumberFieldProps, type NumberInputProps, type SelectInputProps } from 'react-admin';

/** Money is stored in cents; people type and read euros. */
export const MoneyInput = (props: NumberInputProps) => (
  <NumberInput
    step={0.01}
    format={(cents: number | null | undefined) => (cents == null ? '' : cents / 100)}
    parse={(euros: string | number) => (euros === '' || euros == null ? null : Math.round(Number(euros) * 100))}
    {...props}
  />
);

export const MoneyField = (props: NumberFieldProps) => (
  <NumberField
    options={{ style: 'currency', currency: 'EUR' }}
    transform={(cents: number) => (cents == null ? cents : cents / 100)}
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
