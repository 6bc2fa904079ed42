import { describe, expect, it } from "vitest";
import { parseErrorBody } from "./error-body";

describe("parseErrorBody", () => {
  it.each([
    [
      "CSBS flat",
      '{"error_code":"CSBS.6018","error_msg":"Not assign backup(s) (x) to volume(s)"}',
      { code: "CSBS.6018", message: "Not assign backup(s) (x) to volume(s)" },
    ],
    [
      "CSBS nested",
      '{"error":{"code":"CSBS.3000","message":"plan not found"}}',
      { code: "CSBS.3000", message: "plan not found" },
    ],
    [
      "CBR",
      '{"error_code":"BackupService.6302","error_msg":"vault not found"}',
      { code: "BackupService.6302", message: "vault not found" },
    ],
    [
      "Keystone (numeric code dropped)",
      '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}',
      { message: "The request you have made requires authentication." },
    ],
    [
      "Huawei IAM",
      '{"error_msg":"The username or password is wrong.","error_code":"IAM.0001"}',
      { code: "IAM.0001", message: "The username or password is wrong." },
    ],
    [
      "Nova itemNotFound",
      '{"itemNotFound":{"code":404,"message":"Instance could not be found."}}',
      { message: "Instance could not be found." },
    ],
    [
      "Huawei ECS",
      '{"error":{"code":"Ecs.0114","message":"Instance not found"}}',
      { code: "Ecs.0114", message: "Instance not found" },
    ],
    ["Keystone title only", '{"error":{"code":403,"title":"Forbidden"}}', { message: "Forbidden" }],
    ["not JSON", "<html>502 Bad Gateway</html>", {}],
    ["empty", "", {}],
    ["unrelated JSON", '{"hello":"world"}', {}],
    ["array", "[1,2]", {}],
  ])("%s", (_name, body, expected) => {
    expect(parseErrorBody(body)).toEqual(expected);
  });
});
