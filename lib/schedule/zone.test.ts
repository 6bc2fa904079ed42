import { describe, expect, it } from "vitest";
import { underEachMachineZone } from "./machine-zones";
import { formatOffset, isValidZone, localToInstant, offsetChanges, offsetMinutesAt } from "./zone";

const at = (iso: string) => new Date(iso);
const local = (year: number, month: number, day: number, hour: number, minute: number) => ({
  year,
  month,
  day,
  hour,
  minute,
});

underEachMachineZone(() => {
  describe("offsetMinutesAt", () => {
    it.each([
      ["UTC", "2026-01-15T12:00Z", 0],
      ["Europe/Berlin", "2026-01-15T12:00Z", 60],
      ["Europe/Berlin", "2026-07-15T12:00Z", 120],
      ["America/New_York", "2026-01-15T12:00Z", -300],
      ["America/New_York", "2026-07-15T12:00Z", -240],
      ["Asia/Shanghai", "2026-07-15T12:00Z", 480],
      ["Asia/Kolkata", "2026-07-15T12:00Z", 330],
      ["Pacific/Chatham", "2026-01-15T12:00Z", 825],
      ["Pacific/Chatham", "2026-07-15T12:00Z", 765],
      ["Australia/Lord_Howe", "2026-01-15T12:00Z", 660],
      ["Australia/Lord_Howe", "2026-07-15T12:00Z", 630],
    ])("%s at %s is %i", (zone, iso, offset) => {
      expect(offsetMinutesAt(zone, at(iso))).toBe(offset);
    });
  });

  describe("localToInstant (RFC 5545 §3.3.5)", () => {
    it.each([
      ["Europe/Berlin", local(2026, 1, 15, 2, 0), "2026-01-15T01:00:00.000Z"],
      // spring gap: the pre-gap offset
      ["Europe/Berlin", local(2025, 3, 30, 2, 30), "2025-03-30T01:30:00.000Z"],
      ["America/New_York", local(2025, 3, 9, 2, 30), "2025-03-09T07:30:00.000Z"],
      ["Australia/Lord_Howe", local(2025, 10, 5, 2, 15), "2025-10-04T15:45:00.000Z"],
      // autumn overlap: the first occurrence
      ["Europe/Berlin", local(2025, 10, 26, 2, 30), "2025-10-26T00:30:00.000Z"],
      ["Europe/Berlin", local(2025, 10, 26, 1, 0), "2025-10-25T23:00:00.000Z"],
      ["America/New_York", local(2025, 11, 2, 1, 30), "2025-11-02T05:30:00.000Z"],
      ["Australia/Lord_Howe", local(2026, 4, 5, 1, 45), "2026-04-04T14:45:00.000Z"],
      ["Pacific/Chatham", local(2026, 1, 15, 0, 0), "2026-01-14T10:15:00.000Z"],
      ["Asia/Kolkata", local(2026, 1, 15, 0, 0), "2026-01-14T18:30:00.000Z"],
    ])("%s %j → %s", (zone, wall, iso) => {
      expect(localToInstant(zone, wall).toISOString()).toBe(iso);
    });
  });

  describe("offsetChanges", () => {
    it("finds Berlin's two changes of 2026 to the minute", () => {
      const changes = offsetChanges(
        "Europe/Berlin",
        at("2026-01-01T00:00Z"),
        at("2027-01-01T00:00Z"),
      );
      expect(
        changes.map((c) => [c.at.toISOString(), c.previousOffsetMinutes, c.offsetMinutes]),
      ).toEqual([
        ["2026-03-29T01:00:00.000Z", 60, 120],
        ["2026-10-25T01:00:00.000Z", 120, 60],
      ]);
    });
    it("finds Lord Howe's half-hour changes", () => {
      const changes = offsetChanges(
        "Australia/Lord_Howe",
        at("2026-01-01T00:00Z"),
        at("2027-01-01T00:00Z"),
      );
      expect(changes.map((c) => c.offsetMinutes - c.previousOffsetMinutes)).toEqual([-30, 30]);
    });
    it("finds none where there is no DST", () => {
      expect(
        offsetChanges("Asia/Kolkata", at("2026-01-01T00:00Z"), at("2027-01-01T00:00Z")),
      ).toEqual([]);
    });
  });
});

describe("formatOffset / isValidZone", () => {
  it("formats like CSBS's timezone field", () => {
    expect([0, 60, 330, 825, -240, -570].map(formatOffset)).toEqual([
      "UTC+00:00",
      "UTC+01:00",
      "UTC+05:30",
      "UTC+13:45",
      "UTC-04:00",
      "UTC-09:30",
    ]);
  });
  it("knows IANA zones and refuses others", () => {
    expect(isValidZone("Europe/Berlin")).toBe(true);
    expect(isValidZone("UTC")).toBe(true);
    expect(isValidZone("Mars/Olympus")).toBe(false);
    expect(isValidZone("")).toBe(false);
  });
});
