// GET /api/tasks?type&status&vault&window&page&size: one page of the project's CBR tasks of the
// last 30 days at most, newest first.
import { type TaskListResponse, taskQuerySchema } from "@/lib/schemas/tasks";
import { listTasks } from "@/lib/server/tasks/list-tasks";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { query: taskQuerySchema },
  ({ cloud, query, locale }): Promise<TaskListResponse> => listTasks(cloud, query, locale),
);
