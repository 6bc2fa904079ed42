import { validateCsbsPattern } from "../../schedule";
import { type CsbsFailure, invalid } from "./errors";
import type { Tag } from "./types";

/** Names: 1–255 letters, digits, `_`, `-` or Chinese characters (reference 5.1.1, 5.2.1). */
const NAME = /^[A-Za-z0-9_\-\p{Script=Han}]{1,255}$/u;
/** Tag keys and values: letters, digits, `_`, `-` (reference 001, resource_tag). */
const TAG_TEXT = /^[A-Za-z0-9_-]*$/;

export function checkName(field: string, value: unknown): CsbsFailure | null {
  if (typeof value !== "string") return invalid(`${field} must be a string.`);
  if (value.length < 1 || value.length > 255) {
    return invalid(`${field} must be 1 to 255 characters long.`);
  }
  if (!NAME.test(value)) {
    return invalid(
      `${field} may contain only letters, digits, underscores (_), hyphens (-) and Chinese characters.`,
    );
  }
  return null;
}

export function checkDescription(field: string, value: unknown): CsbsFailure | null {
  if (typeof value !== "string") return invalid(`${field} must be a string.`);
  if (value.length > 255) return invalid(`${field} must be at most 255 characters long.`);
  if (/[<>]/.test(value)) return invalid(`${field} must not contain < or >.`);
  return null;
}

/** Tags: at most 10, unique keys, key 1–36 and value 0–43 characters; surrounding spaces dropped. */
export function checkTags(field: string, value: unknown): CsbsFailure | Tag[] {
  if (!Array.isArray(value)) return invalid(`${field} must be a list.`);
  if (value.length === 0) return invalid(`${field} must not be an empty list.`);
  if (value.length > 10) return invalid(`${field} may hold at most 10 tags.`);
  const tags: Tag[] = [];
  const keys = new Set<string>();
  for (const [i, raw] of value.entries()) {
    if (typeof raw !== "object" || raw === null)
      return invalid(`${field}[${i}] must be an object.`);
    const { key, value: tagValue } = raw as Record<string, unknown>;
    if (typeof key !== "string") return invalid(`${field}[${i}].key must be a string.`);
    if (typeof tagValue !== "string") return invalid(`${field}[${i}].value must be a string.`);
    const k = key.trim();
    const v = tagValue.trim();
    if (k.length < 1 || k.length > 36) {
      return invalid(`${field}[${i}].key must be 1 to 36 characters long.`);
    }
    if (v.length > 43) return invalid(`${field}[${i}].value must be at most 43 characters long.`);
    if (!TAG_TEXT.test(k) || !TAG_TEXT.test(v)) {
      return invalid(
        `${field}[${i}] may contain only letters, digits, underscores (_) and hyphens (-).`,
      );
    }
    if (keys.has(k)) return invalid(`${field} has the key "${k}" twice.`);
    keys.add(k);
    tags.push({ key: k, value: v });
  }
  return tags;
}

/** `max_backups` and `retention_duration_days`: an integer, -1 or 0..99999. */
export function checkRetention(field: string, value: unknown): CsbsFailure | null {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return invalid(`${field} must be an integer.`);
  }
  if (value !== -1 && (value < 0 || value > 99999)) {
    return invalid(`${field} must be -1 or between 0 and 99999.`);
  }
  return null;
}

/** The trigger pattern, by the same engine the console's schedule builder uses. */
export function checkPattern(field: string, value: unknown): CsbsFailure | null {
  if (typeof value !== "string") return invalid(`${field} must be a string.`);
  if (value.length > 10240) return invalid(`${field} must be at most 10240 characters long.`);
  const problem = validateCsbsPattern(value);
  return problem ? invalid(`${field}: ${problem.message}`) : null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
