import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, formFieldOf, showFieldError } from "./errors";

const refusal = (field?: string, message = "Taken.") =>
  new ApiError({ status: 400, code: "X", message, ...(field ? { field } : {}) });

describe("errorMessage", () => {
  it("gives the console's words, and the fallback for anything else", () => {
    expect(errorMessage(refusal(undefined, "Name taken."), "?")).toBe("Name taken.");
    expect(errorMessage(new TypeError("x is undefined"), "Something went wrong.")).toBe(
      "Something went wrong.",
    );
    expect(errorMessage(refusal(undefined, ""), "fallback")).toBe("fallback");
  });
});

describe("formFieldOf", () => {
  const fields = ["name", "tags", "retention.count"] as const;
  it("finds the field a refusal names, or a path within it", () => {
    expect(formFieldOf(refusal("name"), fields)).toBe("name");
    expect(formFieldOf(refusal("tags.0.key"), fields)).toBe("tags");
    expect(formFieldOf(refusal("retention.count"), fields)).toBe("retention.count");
  });
  it("does not take a field whose name merely starts the same", () => {
    expect(formFieldOf(refusal("names"), fields)).toBeUndefined();
    expect(formFieldOf(refusal("retention.days"), fields)).toBeUndefined();
  });
  it("maps the API's names through the aliases", () => {
    expect(formFieldOf(refusal("resources.2.id"), ["servers"], { resources: "servers" })).toBe(
      "servers",
    );
  });
  it("gives nothing for errors without a field or not from the console", () => {
    expect(formFieldOf(refusal(), fields)).toBeUndefined();
    expect(formFieldOf(new Error("name"), fields)).toBeUndefined();
  });
});

describe("showFieldError", () => {
  it("sets the message at the field and says which", () => {
    const set: unknown[] = [];
    const form = { setError: (...args: unknown[]) => void set.push(args) };
    expect(showFieldError(form, refusal("tags.1.value", "Too long."), ["name", "tags"])).toBe(
      "tags",
    );
    expect(set).toEqual([["tags", { message: "Too long." }, { shouldFocus: true }]]);
  });
  it("leaves the form alone when no field matches", () => {
    const set: unknown[] = [];
    const form = { setError: (...args: unknown[]) => void set.push(args) };
    expect(showFieldError(form, refusal("project"), ["name"])).toBeUndefined();
    expect(set).toEqual([]);
  });
});
