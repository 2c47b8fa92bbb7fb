/**
 * First names that stand for the same person ("Pete" and "Peter"). A small, generic table of
 * common English short forms; a desk can add anything it lacks in knowledge/aliases.yml.
 */
const GROUPS = `
peter pete | william bill will billy | robert bob rob bobby | michael mike mick | james jim jimmy jamie
thomas tom tommy | david dave | christopher chris | douglas doug | daniel dan danny | joseph joe joey
anthony tony | stephen steven steve | katherine catherine kate kathy cathy katie | elizabeth liz beth betsy
jennifer jen jenny | andrew andy drew | nicholas nick | matthew matt | samuel sam | alexander alex
benjamin ben | jonathan jon | patrick pat | richard rick dick rich | edward ed ted ned | john jack johnny
donald don | ronald ron | charles charlie chuck | frederick fred | gregory greg | jeffrey jeff
lawrence larry | timothy tim | francis frank | susan sue | margaret maggie meg peggy | rebecca becky
jessica jess | gerald gerry jerry | kenneth ken | leonard len leo | louis lou | nathaniel nate nathan
philip phil | raymond ray | vincent vince | victoria vicky | christine chris | patricia pat patty trish
deborah deb debbie | pamela pam | barbara barb | dorothy dot | judith judy | kimberly kim
`;

const byName = new Map<string, Set<string>>();
for (const group of GROUPS.split("|")) {
  const names = group.trim().split(/\s+/);
  for (const n of names) {
    const set = byName.get(n) ?? new Set<string>();
    for (const m of names) set.add(m);
    byName.set(n, set);
  }
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z.-]/g, "");

/**
 * Whether two first names can name the same person: equal, listed together above, or one is the
 * other's initial ("J." and "Jamie").
 */
export function sameFirstName(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (/^[a-z]\.?$/.test(x) || /^[a-z]\.?$/.test(y)) return x[0] === y[0];
  return byName.get(x)?.has(y) ?? false;
}
