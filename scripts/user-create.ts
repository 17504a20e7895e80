/**
 * `npm run user:create -- --email a@b.gov.uk --name "A Person" [--role admin|editor|viewer]`
 * Creates an account (the first administrator, usually) on the database the app uses (DATABASE_URL,
 * or the embedded one in ./data, which must not be open in a running server at the same time).
 * The password is read from NLEDP_USER_PASSWORD, or asked for twice without echo.
 */
import { parseArgs } from "node:util";
import readline from "node:readline";
import { Writable } from "node:stream";
import { connect } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedIfEmpty } from "@/lib/db/seed";
import { env, pgliteDir } from "@/lib/env";
import { passwordProblem } from "@/lib/auth/passwords";
import { createUser, DuplicateEmailError, newUserSchema } from "@/lib/auth/users";

async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stdout.write(chunk, encoding as BufferEncoding);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } } });
  const parsed = newUserSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    console.error('Usage: npm run user:create -- --email name@example.gov.uk --name "Full Name" [--role admin|editor|viewer]');
    return 2;
  }
  let password = process.env.NLEDP_USER_PASSWORD ?? "";
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error("Set NLEDP_USER_PASSWORD, or run this in a terminal to be asked for the password.");
      return 2;
    }
    password = await askHidden("Password (12 characters or more): ");
    if ((await askHidden("Password again: ")) !== password) {
      console.error("The passwords do not match.");
      return 2;
    }
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const settings = env();
  const connection = await connect(settings.DATABASE_URL ? { url: settings.DATABASE_URL } : { pgliteDir: pgliteDir(settings) });
  try {
    await migrateDatabase(connection);
    await connection.exclusive((db) => seedIfEmpty(db));
    const user = await createUser(connection.db, { ...parsed.data, password }, { userId: null, label: "Command line: npm run user:create" });
    console.log(`Created ${user.role} ${user.name} <${user.email}>. They can sign in now.`);
    return 0;
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      console.error(`There is already an account with the email address ${parsed.data.email}.`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
