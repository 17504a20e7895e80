"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, Radios, TextInput } from "@/components/forms/fields";
import { EMPTY_FORM } from "@/components/forms/form-state";
import { ROLE_LABEL, ROLES } from "@/lib/auth/permissions";
import { addUser } from "../actions";

export function AddUserForm() {
  const [state, action] = useActionState(addUser, EMPTY_FORM);
  if (state.done) {
    const made = JSON.parse(state.done) as { id: number; name: string; email: string; password: string };
    return (
      <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
        <h2 className="mb-4 text-2xl font-bold">Account added for {made.name}</h2>
        <p className="mb-2">Give {made.email} this password in a secure way. It is shown only once; they should change it after signing in.</p>
        <p className="mb-4 font-mono text-2xl">{made.password}</p>
        <p>
          <Link href="/admin/users">Back to users</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} fieldOrder={["name", "email", "role"]} />
      <form action={action} noValidate className="max-w-[30em]">
        <TextInput name="name" label="Full name" autoComplete="off" defaultValue={state.values.name} error={state.errors.name} />
        <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={state.values.email} error={state.errors.email} />
        <Radios
          name="role"
          legend="Role"
          defaultValue={state.values.role}
          error={state.errors.role}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
        />
        <Button>Add user</Button>
      </form>
    </>
  );
}
