// Small text builders shared by both APIs' demo data generators.
import type { Random } from '../random';
import {
  companyStems,
  companySuffixes,
  companyTrades,
  firstNames,
  lastNames,
  streetNames,
  type places,
} from './words';

export type Place = (typeof places)[number];

export function companyName(random: Random): string {
  const suffix = random.pick(companySuffixes);
  return `${random.pick(companyStems)} ${random.pick(companyTrades)}${suffix ? ` ${suffix}` : ''}`;
}

/** Makes names unique like a salesperson would: "Harbor Events Ltd (2)". */
export function uniqueName(base: string, taken: Set<string>, max = 50): string {
  let name = base.slice(0, max);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, max - 6)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

export function person(random: Random): { first: string; last: string } {
  return { first: random.pick(firstNames), last: random.pick(lastNames) };
}

export function email(first: string, last: string, company: string): string {
  const clean = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase() || 'info';
  return `${clean(first)}.${clean(last)}@${clean(company.split(' ')[0] ?? 'example').slice(0, 20)}.example`;
}

export function streetLine(random: Random): string {
  return `${random.int(1, 240)} ${random.pick(streetNames)}`;
}

export function postcode(random: Random, pattern: string): string {
  return pattern.replace(/[#A]/g, (char) =>
    char === '#' ? String(random.int(0, 9)) : String.fromCharCode(65 + random.int(0, 25)),
  );
}

export function phone(random: Random): string {
  return `+${random.int(1, 49)} ${random.int(100, 999)} ${random.int(100000, 9999999)}`;
}

export function isoDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
