"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, TextInput } from "@/components/forms/fields";
import { EMPTY_FORM } from "@/components/forms/form-state";
import { changePassword } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePassword, EMPTY_FORM);
  return (
    <>
      {state.done ? (
        <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
          <p className="font-bold">{state.done}</p>
        </div>
      ) : null}
      <ErrorSummary errors={state.errors} formError={state.formError} fieldOrder={["currentPassword", "newPassword", "confirmPassword"]} />
      <form action={action} noValidate className="max-w-[30em]">
        <TextInput name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={state.errors.currentPassword} />
        <TextInput
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A good password is three random words. Avoid common passwords."
          error={state.errors.newPassword}
        />
        <TextInput name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" error={state.errors.confirmPassword} />
        <Button>Change password</Button>
      </form>
    </>
  );
}
