/**
 * Who is who inside one article. Names are clustered by surname (a bare "Carney" is the article's
 * "Mark Carney"); "he", "she" and "they" go to the most recent compatible speaker; definite
 * descriptions ("the source", "the minister") go to the most recent entity they fit. Every rule
 * refuses rather than guesses: two people who fit equally well make the reference unresolved.
 */
import { sameFirstName } from "../../people/nicknames.ts";
import type { Gender, Phrase } from "./phrases.ts";
import { DETERMINERS, PERSON_NOUNS, ROLE_MODIFIERS } from "./vocab.ts";

export type EntityKind = "person" | "anonymous" | "org";

export interface Entity {
  id: number;
  kind: EntityKind;
  /** Person: the fullest name written ("Mark Carney"); anonymous: its first description; org: its name. */
  name: string;
  /** Person: surname and first name as written (the first is absent for a bare surname). */
  surname?: string;
  firstName?: string;
  /**
   * Every name form the article uses, with how often, as flat pairs [form, count, form, count…];
   * absent when that is the name alone, written once, as for two entities in three. A flat list
   * of two pairs takes 80 bytes where a Map took about 180, for 312,000 entities at 100,000
   * articles (issue 9).
   */
  forms?: (string | number)[];
  /** Roles as the article gives them, in order of appearance. */
  roles: string[];
  gender?: Gender;
  plural?: boolean;
  /** For descriptions: the head noun and its modifiers, lower case. */
  head?: string;
  modifiers?: string[];
  /** Set once the entity is the subject of a speech verb or a quote. */
  spoke: boolean;
}

function addForm(e: Entity, name: string): void {
  e.forms ??= [];
  const forms = e.forms;
  for (let k = 0; k < forms.length; k += 2) {
    if (forms[k] === name) {
      forms[k + 1] = (forms[k + 1] as number) + 1;
      return;
    }
  }
  forms.push(name, 1);
}

/** Each name form of an entity with its count (its name, once, when it has no forms list). */
export function eachForm(e: Entity, fn: (form: string, count: number) => void): void {
  const forms = e.forms;
  if (!forms) fn(e.name, 1);
  else for (let k = 0; k < forms.length; k += 2) fn(forms[k] as string, forms[k + 1] as number);
}

/** Once the article is read: forms that say no more than the name drop out (see `forms`). */
export function settleForms(entities: readonly Entity[]): void {
  for (const e of entities) {
    const forms = e.forms;
    if (!forms) continue;
    if (forms.length === 2 && forms[0] === e.name && forms[1] === 1) delete e.forms;
    // A list grown by pushes keeps spare room; its copy holds just the pairs.
    else e.forms = forms.slice();
  }
}

interface Event {
  entity: Entity;
  pos: number;
  speech: boolean;
  /** The entity is the subject of its sentence. */
  subject: boolean;
}

// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const MARKS = /\p{M}/gu;
const STARTS_UPPER = /^\p{Lu}/u;

const key = (s: string) =>
  s
    .normalize("NFD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/[’']s$/, "");

/** A name's last word, as surnames are compared. */
const surnameKey = (parts: string[]): string => key(parts[parts.length - 1] as string);

/** A person the text treats as a real, named individual (used to detect rival antecedents). */
function isDefinitePerson(e: Entity): boolean {
  return e.kind === "person" && (e.spoke || e.roles.length > 0 || e.firstName !== undefined);
}

export interface PreviousSentence {
  subject: Entity | null;
  /** Everyone the sentence names or quotes. */
  people: Entity[];
}

/** Where a phrase stands: its sentence's start, and the sentence before in the same paragraph. */
export interface Where {
  sentenceStart: number;
  previous: PreviousSentence | null;
}

export class Discourse {
  readonly entities: Entity[] = [];
  private readonly events: Event[] = [];

  /**
   * The entity a phrase names, creating it when it is new; null when the text does not settle it.
   * `where` places a pronoun in its sentence and paragraph (see pronoun()).
   */
  resolve(p: Phrase, pos: number, where: Where | null = null): Entity | null {
    switch (p.kind) {
      case "name":
        return this.person(p.name, p.role, p.gender);
      case "org":
        return this.org(p.name);
      case "pronoun":
        return p.pronoun === "first" ? null : this.pronoun(p.pronoun, pos, where);
      case "description":
        return this.description(p);
    }
  }

  /** Records that an entity is mentioned (and whether it speaks, and is the subject) at `pos`. */
  note(entity: Entity, pos: number, speech: boolean, subject = false): void {
    if (speech) entity.spoke = true;
    this.events.push({ entity, pos, speech, subject });
  }

  addRole(entity: Entity, role: string): void {
    const r = role.trim();
    if (r && !entity.roles.some((x) => x.toLowerCase() === r.toLowerCase())) entity.roles.push(r);
  }

  /** Whether a person of the article has this name's last word as surname. */
  knowsSurname(name: string): boolean {
    const surname = surnameKey(name.split(/\s+/));
    return this.entities.some((e) => e.kind === "person" && e.surname === surname);
  }

  person(name: string, role?: string, gender?: Gender): Entity | null {
    const parts = name.split(/\s+/);
    const surname = surnameKey(parts);
    const first = parts.length > 1 ? (parts[0] as string) : undefined;
    const same = this.entities.filter((e) => e.kind === "person" && e.surname === surname);
    let entity: Entity | undefined;
    if (first) {
      entity = same.find((e) => e.firstName && sameFirstName(e.firstName, first));
      if (!entity) {
        const bare = same.filter((e) => !e.firstName);
        const named = same.filter((e) => e.firstName);
        if (bare.length === 1 && named.length === 0) entity = bare[0];
      }
    } else {
      const named = same.filter((e) => e.firstName);
      if (named.length > 1) return null; // two people share the surname: "Smith" alone is ambiguous
      entity = named[0] ?? same[0];
    }
    if (!entity) {
      entity = {
        id: this.entities.length,
        kind: "person",
        name,
        surname,
        roles: [],
        spoke: false,
      };
      this.entities.push(entity);
    }
    if (first && !entity.firstName) {
      entity.firstName = first;
      entity.name = name;
    }
    addForm(entity, name);
    if (role) this.addRole(entity, role);
    if (gender && !entity.gender) entity.gender = gender;
    return entity;
  }

  private org(name: string): Entity {
    const k = key(name);
    let entity = this.entities.find((e) => e.kind === "org" && key(e.name) === k);
    if (!entity) {
      entity = {
        id: this.entities.length,
        kind: "org",
        name,
        roles: [],
        spoke: false,
      };
      this.entities.push(entity);
    }
    addForm(entity, name);
    return entity;
  }

  /**
   * he / she / they: a speaker earlier in the same sentence; else the subject of the sentence
   * before; else the most recent speaker who fits, unless a rival who fits stands closer (became
   * a sentence subject since, or is named in the sentence before while the speaker is not).
   */
  private pronoun(kind: "m" | "f" | "plural", pos: number, where: Where | null): Entity | null {
    const fits = (e: Entity) =>
      kind === "plural"
        ? e.plural === true || e.kind === "org"
        : e.kind !== "org" && !e.plural && (e.gender === undefined || e.gender === kind);
    const settle = (e: Entity) => {
      if (kind !== "plural" && !e.gender) e.gender = kind;
      return e;
    };
    const before = this.events.filter((ev) => ev.pos < pos);
    const sentenceStart = where?.sentenceStart ?? pos;
    const inSentence = before.filter((ev) => ev.pos >= sentenceStart);
    const speaker = [...inSentence]
      .sort((a, b) => b.pos - a.pos)
      .find((ev) => ev.speech && fits(ev.entity));
    if (speaker) return settle(speaker.entity);
    const previous = where?.previous;
    if (previous?.subject && fits(previous.subject)) return settle(previous.subject);
    let found = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      const ev = before[i] as Event;
      if (ev.speech && fits(ev.entity)) {
        found = i;
        break;
      }
    }
    if (found < 0) return null;
    const candidate = (before[found] as Event).entity;
    const rivalSubject = before
      .slice(found + 1)
      .some(
        (ev) =>
          ev.entity !== candidate && ev.subject && fits(ev.entity) && isDefinitePerson(ev.entity),
      );
    const near = new Set([...(previous?.people ?? []), ...inSentence.map((ev) => ev.entity)]);
    const rivalNear = [...(previous?.people ?? [])].some(
      (e) => e !== candidate && e.kind !== "org" && fits(e),
    );
    if (rivalSubject || (rivalNear && !near.has(candidate))) return null;
    return settle(candidate);
  }

  private description(p: Extract<Phrase, { kind: "description" }>): Entity {
    if (p.definite) {
      const words = (e: Entity) =>
        new Set([
          ...(e.modifiers ?? []),
          ...e.roles.flatMap((r) => r.toLowerCase().split(/[\s,]+/)),
        ]);
      for (let i = this.events.length - 1; i >= 0; i--) {
        const e = (this.events[i] as Event).entity;
        const headFits =
          e.kind === "anonymous"
            ? e.head === p.head
            : e.kind === "person" &&
              e.roles.some((r) =>
                r
                  .toLowerCase()
                  .split(/[\s,]+/)
                  .includes(p.head),
              );
        if (headFits && p.modifiers.every((m) => words(e).has(m))) return e;
      }
    }
    const firstWord = (p.text.split(/\s+/)[0] ?? "").toLowerCase();
    const common =
      DETERMINERS.has(firstWord) || PERSON_NOUNS.has(firstWord) || ROLE_MODIFIERS.has(firstWord);
    const name = common ? p.text.replace(STARTS_UPPER, (c) => c.toLowerCase()) : p.text;
    const entity: Entity = {
      id: this.entities.length,
      kind: "anonymous",
      name,
      roles: [],
      head: p.head,
      modifiers: p.modifiers,
      plural: p.plural,
      spoke: false,
    };
    if (p.gender) entity.gender = p.gender;
    this.entities.push(entity);
    return entity;
  }
}
