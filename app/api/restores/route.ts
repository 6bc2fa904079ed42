// POST /api/restores: start a restore, once per wizard key (lib/server/restores/start-restore.ts).
// 201 when this request started it, 200 for a repeated key, 202 while the cloud's answer is
// unknown: the client follows the state, it does not resend.
import { restoreSubmitBodySchema } from "@/lib/schemas/restore";
import { startRestore } from "@/lib/server/restores/start-restore";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute({ body: restoreSubmitBodySchema }, async (args) => {
  const { status, created } = await startRestore(args);
  const code =
    status.state === "in_doubt" || status.state === "submitting" ? 202 : created ? 201 : 200;
  return Response.json(status, { status: code });
});
