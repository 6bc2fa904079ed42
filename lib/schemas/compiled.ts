import { z } from "zod";

/*
 * zod's ahead-of-time compilation for the schemas parsed on every request (the cloud's answers, the
 * routes' inputs). The runtime parser walks a chain of wrapper objects per field and allocates as
 * it goes: on a page of 20 CSBS backups (~1,600 fields) that was the largest share of a list
 * request's garbage. The compiled parser is generated code with the same result; on input it
 * refuses, it hands over to the runtime parser, so errors and their issues are the runtime's own.
 * A schema zod cannot compile is used as it is.
 */
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>();

/** The schema's compiled parser, made once per schema. */
export function compiled<T extends z.ZodType>(schema: T): T {
  let fast = compiledSchemas.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiledSchemas.set(schema, fast);
  }
  return fast as T;
}
