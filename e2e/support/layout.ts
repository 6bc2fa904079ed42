import type { Page } from "@playwright/test";

/** The smallest control a finger hits reliably (WCAG 2.5.5; docs/ui-guide: 44 px below 1024 px). */
export const TOUCH_TARGET_PX = 44;

/**
 * What a page must not do on a touch screen: scroll sideways, or offer a control in its main part
 * lower than a fingertip (a checkbox or radio counts by the label around it). Words in running
 * text are not controls; the header's controls are the shell journey's.
 */
export async function touchLayoutProblems(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate((min) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    const sideways = doc.scrollWidth - doc.clientWidth;
    if (sideways > 1) problems.push(`scrolls sideways by ${sideways} px`);
    const name = (el: Element) =>
      (el.getAttribute("aria-label") ?? el.textContent ?? el.getAttribute("name") ?? el.tagName)
        .trim()
        .slice(0, 40) || el.tagName.toLowerCase();
    const controls = document.querySelectorAll(
      [
        "main button",
        "main select",
        "main textarea",
        'main input:not([type="hidden"])',
        'main a[data-slot="button"]',
        'main [role="button"]',
      ].join(","),
    );
    for (const control of controls) {
      const input = control as HTMLInputElement;
      const box =
        input.type === "checkbox" || input.type === "radio"
          ? (control.closest("label") ?? control).getBoundingClientRect()
          : control.getBoundingClientRect();
      // Not shown (display: none, a collapsed part, the table a card list replaces).
      if (box.width === 0 || box.height === 0) continue;
      if (getComputedStyle(control).visibility === "hidden") continue;
      if (box.height < min - 0.5) {
        problems.push(
          `${control.tagName.toLowerCase()} "${name(control)}" is ${Math.round(box.height)} px high`,
        );
      }
    }
    return problems;
  }, TOUCH_TARGET_PX);
  return found.map((problem) => `${label}: ${problem}`);
}
