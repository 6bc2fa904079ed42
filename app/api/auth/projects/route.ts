// GET /api/auth/projects: the projects the signed-in user may switch to (from IAM).
import { listUserProjects } from "@/lib/cloud/iam";
import type { ProjectsResponse } from "@/lib/schemas/session";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({}, async ({ req, session }): Promise<ProjectsResponse> => {
  const projects = await listUserProjects(session.record.token, req.signal);
  return {
    projects: projects
      .filter((project) => project.enabled)
      .map((project) => ({
        id: project.id,
        name: project.name,
        current: project.id === session.record.project.id,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
});
