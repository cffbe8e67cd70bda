import type { Locator } from 'playwright-core';
import { signalOption } from './abort.js';

/**
 * Selects a <select> option by its visible label, falling back to its value. A label among the
 * options the observation showed for this select is chosen directly; otherwise the choice is made
 * in the page first, so a missing option fails at once with the list of options instead of
 * waiting out Playwright's timeout.
 */
export async function selectOption(
  locator: Locator,
  wanted: string,
  timeoutMs: number,
  signal?: AbortSignal,
  observedOptions?: readonly string[],
): Promise<unknown> {
  const options = { timeout: timeoutMs, ...signalOption(signal) };
  // Playwright matches labels with whitespace collapsed, as here.
  if (observedOptions?.some((label) => collapse(label) === collapse(wanted))) return locator.selectOption({ label: wanted }, options);
  const choice = await locator.evaluateAll(chooseOption, wanted);
  if (choice.kind === 'label') return locator.selectOption({ label: choice.label }, options);
  if (choice.kind === 'value') return locator.selectOption({ value: choice.value }, options);
  if (choice.kind === 'missing') {
    throw new Error(
      `no option ${JSON.stringify(wanted)}; the options are: ${choice.labels.map((label) => JSON.stringify(label)).join(', ')}`,
    );
  }
  return locator.selectOption([{ label: wanted }, { value: wanted }], options);
}

type OptionChoice =
  { kind: 'label'; label: string } | { kind: 'value'; value: string } | { kind: 'missing'; labels: string[] } | { kind: 'not-select' };

/** Runs in the page: picks an option of the (single) matched <select> by label first, then by value. */
function chooseOption(elements: Element[], wanted: string): OptionChoice {
  const element = elements[0];
  if (!(element instanceof HTMLSelectElement)) return { kind: 'not-select' };
  const options = Array.from(element.options);
  const target = wanted.trim();
  const byLabel = options.find((option) => option.label.trim() === target || (option.textContent ?? '').trim() === target);
  if (byLabel) return { kind: 'label', label: byLabel.label };
  const byValue = options.find((option) => option.value === wanted);
  if (byValue) return { kind: 'value', value: byValue.value };
  return { kind: 'missing', labels: options.map((option) => option.label.trim()) };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
