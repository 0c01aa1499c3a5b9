// How the CLI tells people about the demo workspace (after `seed --demo` and on `serve`).
import { demoAmbassadorEmail, demoUser, demoWorkspaceName } from '../server/db/seed/demo-data';
import { type Output, println } from './io';

export function printDemoSignIn(out: Output): void {
  println(out, `Demo workspace "${demoWorkspaceName}":`);
  println(out, `  manager sign-in:   ${demoUser.email} / ${demoUser.password}`);
  println(
    out,
    `  ambassador portal: sign in with ${demoAmbassadorEmail}; the sign-in link appears in the Outbox`,
  );
}
