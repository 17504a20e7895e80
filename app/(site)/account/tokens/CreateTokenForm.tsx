"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, TextInput } from "@/components/forms/fields";
import { EMPTY_FORM } from "@/components/forms/form-state";
import { createApiToken } from "./actions";

export function CreateTokenForm() {
  const [state, action] = useActionState(createApiToken, EMPTY_FORM);
  if (state.done) {
    const made = JSON.parse(state.done) as { name: string; token: string };
    return (
      <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
        <h3 className="mb-4 text-2xl font-bold">Token created: {made.name}</h3>
        <p className="mb-2">Copy it now and keep it somewhere safe. It is shown only once: if you lose it, revoke it and create another.</p>
        <p className="mb-4 font-mono text-lg break-all" data-testid="new-api-token">{made.token}</p>
        <p className="mb-4">Send it with each request as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.</p>
        <p>
          <Link href="/account/tokens">Done</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} fieldOrder={["name"]} />
      <form action={action} noValidate className="max-w-[30em]">
        <TextInput
          name="name"
          label="Token name"
          hint="Say what it is for, for example 'Quarterly update script'."
          autoComplete="off"
          defaultValue={state.values.name}
          error={state.errors.name}
        />
        <Button>Create token</Button>
      </form>
    </>
  );
}
