// The work of `troupe seed --demo`: seeds once; a second run says so and changes nothing.
import { demoUser, findDemoUser, seedDemo } from '../../server/db/seed/demo';
import type { CommandContext } from '../command';
import { printDemoSignIn } from '../demo-text';
import { println } from '../io';
import { withServices } from '../open';

export async function seedDemoWorkspace(ctx: CommandContext): Promise<number> {
  const { stdout } = ctx.io;
  return withServices(ctx, async (services) => {
    if (await findDemoUser(services.database.db)) {
      println(stdout, `The demo user ${demoUser.email} already exists; nothing was changed.`);
      printDemoSignIn(stdout);
      return 0;
    }
    const started = performance.now();
    const demo = await seedDemo(services);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    println(
      stdout,
      `Seeded "${demo.workspaceName}" (workspace ${demo.workspaceSlug}): program "${demo.programName}" with ${demo.creators} creators, in ${seconds} s.`,
    );
    printDemoSignIn(stdout);
    return 0;
  });
}
