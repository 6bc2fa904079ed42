import { z } from "zod";
import { uuidSchema } from "@/lib/schemas/common";

/** `/api/vaults/{id}/…` and `/api/checkpoints/{id}`: CBR ids are UUIDs. */
export const idParamsSchema = z.object({ id: uuidSchema });
