"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, TextInput } from "@/components/forms/fields";
import { EMPTY_FORM } from "@/components/forms/form-state";
import { signIn } from "./actions";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signIn, EMPTY_FORM);
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} fieldOrder={["email", "password"]} />
      <form action={action} noValidate className="max-w-[30em]">
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} defaultValue={state.values.email} error={state.errors.email} />
        <TextInput name="password" label="Password" type="password" autoComplete="current-password" error={state.errors.password} />
        <Button>Sign in</Button>
      </form>
    </>
  );
}
