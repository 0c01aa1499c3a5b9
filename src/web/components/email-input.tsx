// The email input of the sign-in and sign-up forms, with the type and autocomplete hints browsers and
// password managers look for.
import { TextInput, type TextInputProps } from '@mantine/core';

export function EmailInput(props: TextInputProps) {
  return <TextInput label="Email" type="email" autoComplete="email" {...props} />;
}
