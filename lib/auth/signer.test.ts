import { describe, expect, it } from "vitest";
import {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  hashBody,
  parseAuthorization,
  parseSdkDate,
  signature,
  signRequest,
  stringToSign,
} from "./signer";

const creds = { ak: "AccessKey", sk: "SecretKey" };
const goSdkDate = new Date("2006-01-02T15:04:05Z");

describe("SDK-HMAC-SHA256 signer: reference/cloud-apis.md §7.2 vectors", () => {
  it("vector 1: GET with a query, only x-sdk-date signed (underscore headers excluded)", () => {
    const headers = signRequest(
      {
        method: "GET",
        url: "https://example.huaweicloud.com/path?limit=1",
        headers: { TEST_UNDERSCORE: "whatever" },
      },
      creds,
      goSdkDate,
    );
    expect(headers["X-Sdk-Date"]).toBe("20060102T150405Z");
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
    );
  });

  it("vector 1: canonical request and string to sign match the published ones", () => {
    const canonical = canonicalRequest({
      method: "GET",
      path: "/path",
      query: "limit=1",
      headerValue: () => "20060102T150405Z",
      signedHeaders: ["x-sdk-date"],
      payloadHash: hashBody(""),
    });
    expect(canonical).toBe(
      "GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(stringToSign("20060102T150405Z", canonical)).toBe(
      "SDK-HMAC-SHA256\n20060102T150405Z\n85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4",
    );
  });

  it("vector 2: POST with a JSON body (trailing newline hashed, Content-Type not signed)", () => {
    const req = {
      method: "POST",
      url: "https://example.huaweicloud.com/path?key=value",
      headers: { "Content-Type": "application/json" },
      body: '{"Name":"test","Id":1}\n',
    };
    const headers = signRequest(req, creds, goSdkDate);
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
    );
    // Same request without the trailing newline: the hash covers the exact bytes.
    const other = signRequest({ ...req, body: '{"Name":"test","Id":1}' }, creds, goSdkDate);
    expect(other.Authorization).not.toBe(headers.Authorization);
  });

  it("official guide example: content-type;host;x-sdk-date over a VPC list", () => {
    const values: Record<string, string> = {
      "content-type": "application/json",
      host: "service.region.example.com",
      "x-sdk-date": "20191115T033655Z",
    };
    const canonical = canonicalRequest({
      method: "GET",
      path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      query: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
      headerValue: (n) => values[n],
      signedHeaders: ["content-type", "host", "x-sdk-date"],
      payloadHash: hashBody(""),
    });
    const toSign = stringToSign("20191115T033655Z", canonical);
    expect(toSign.split("\n")[2]).toBe(
      "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    );
    expect(signature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", toSign)).toBe(
      "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });
});

describe("canonical pieces", () => {
  it("encodes path segments and appends a slash", () => {
    expect(canonicalUri("/v3/p 1/backups")).toBe("/v3/p%201/backups/");
    expect(canonicalUri("/v3/p%201/a*b/")).toBe("/v3/p%201/a%2Ab/");
    expect(canonicalUri("/")).toBe("/");
  });

  it("sorts keys and repeated values and encodes like the Go SDK test", () => {
    expect(
      canonicalQueryString(
        "?test=%E4%B8%80%20(%26%3D%3F!%23%25.*)&path=/tmp/123&multi=3&multi=1&multi=2&limit=1&enable=true",
      ),
    ).toBe(
      "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
    );
    expect(canonicalQueryString("flag&a=")).toBe("a=&flag=");
    expect(canonicalQueryString("")).toBe("");
  });

  it("formats and parses X-Sdk-Date", () => {
    expect(formatSdkDate(new Date("2026-11-22T08:30:01.999Z"))).toBe("20261122T083001Z");
    expect(parseSdkDate("20261122T083001Z")?.toISOString()).toBe("2026-11-22T08:30:01.000Z");
    expect(parseSdkDate("2026-11-22T08:30:01Z")).toBeNull();
  });

  it("parses the Authorization header and rejects other forms", () => {
    expect(
      parseAuthorization(
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab12",
      ),
    ).toEqual({
      access: "AK",
      signedHeaders: ["host", "x-sdk-date"],
      signature: "ab12",
    });
    expect(
      parseAuthorization(
        "SDK-HMAC-SHA256 Credential=AK/20260101/r/s/sdk_request, SignedHeaders=a, Signature=b",
      ),
    ).toBeNull();
    expect(parseAuthorization("Bearer x")).toBeNull();
  });

  it("signs every given header except Content-Type", () => {
    const h = signRequest(
      {
        method: "GET",
        url: "http://h/x",
        headers: { "X-Project-Id": "p", Accept: "application/json", "Content-Type": "a/b" },
      },
      creds,
      goSdkDate,
    );
    expect(parseAuthorization(h.Authorization ?? "")?.signedHeaders).toEqual([
      "accept",
      "x-project-id",
      "x-sdk-date",
    ]);
  });
});
