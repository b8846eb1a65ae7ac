// Deterministic source users shaped like test/fixtures/shared/users.json, with the same variety:
// diacritics and apostrophes in names, B2B guests (#EXT# UPNs), the fabrikam.com subsidiary, missing
// mail/mobile/telephone/manager/cost centre, an empty job title, soft-deleted users, departments whose
// case differs ("sales"), users without a UPN, and zero to three app roles. The same seed always gives
// the same users, so every run measures the same work.

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GIVEN = [
  "Zoë",
  "José",
  "Björn",
  "Nadia",
  "Priya",
  "Kwame",
  "Tomasz",
  "Chloé",
  "Aoife",
  "Maximilian Alexander Friedrich",
  "Ravi",
  "Ethan",
  "Daniel",
  "Łukasz",
  "Søren",
  "Ana María",
  "François",
  "Ümit",
  "Siobhán",
  "Jürgen",
  "Mia",
  "Noah",
  "Olivia",
  "Liam",
];
const SURNAMES = [
  "Ångström",
  "García Márquez",
  "Østergaard",
  "Haddad",
  "Raman",
  "Mensah",
  "Wiśniewski",
  "Dubois",
  "O'Neill-Barry",
  "von Hohenberg-Schwarzenfels",
  "Iyer",
  "Brooks",
  "Kim",
  "Nowak",
  "Kierkegaard",
  "Muñoz",
  "Lefèvre",
  "Yılmaz",
  "Ní Bhriain",
  "Müller",
  "Smith",
  "Johnson",
  "Williams",
  "Dvořák",
];
const PLACES = [
  ["Göteborg", "SE", "sv-SE", "+46"],
  ["Madrid", "ES", "es-ES", "+34"],
  ["København", "DK", "da-DK", "+45"],
  ["Lyon", "FR", "fr-FR", "+33"],
  ["Bengaluru", "IN", "en-IN", "+91"],
  ["Accra", "GH", "en-GB", "+233"],
  ["Kraków", "PL", "pl-PL", "+48"],
  ["Dublin", "IE", "en-IE", "+353"],
  ["Wien", "AT", "de-AT", "+43"],
  ["Seattle", "US", "en-US", "+1"],
  ["Redmond", "US", "en-US", ""],
  ["Seoul", "KR", "ko-KR", "+82"],
];
const DEPARTMENTS = ["Sales", "Sales", "Sales", "Sales", "Marketing", "Engineering", "Operations", "sales"];
const TITLES = [
  "Account Executive",
  "Regional Sales Manager",
  "Solutions Engineer",
  "Channel Partner Manager",
  "Inside Sales Representative",
  "Sales Development Representative",
  "Brand Manager",
  "Key Account Manager",
  "Interim Regional Sales Director",
  "Site Reliability Engineer",
];
const ROLES = [
  { id: "3a9124bc-546c-4625-b7cb-4eb6cd278b18", value: "Sales.Admin", displayName: "Sales Administrator" },
  { id: "51c171fc-714c-43f8-a42f-88ea5beb8a16", value: "Sales.User", displayName: "Sales User" },
  { id: "d4f79236-4d02-497c-b2f7-68fefed32b76", value: "ReadOnly", displayName: "Read-only Viewer" },
];
const MOBILE_SHAPES = [
  (cc, d) => `${cc} (${d.slice(0, 2)}) ${d.slice(2, 5)}-${d.slice(5, 7)} ${d.slice(7, 9)}`,
  (cc, d) => `${cc} ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7, 9)}`,
  (cc, d) => `${cc} ${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)}`,
  (_cc, d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 10)}`,
  (cc, d) => `${cc}${d}`,
];

/**
 * The ASCII part of a mail nickname, per name pair (there are few of them): normalising and six
 * replacements per user made generation, not the work measured, the larger part of a 1M-user run.
 */
const asciiNames = new Map();

/** ASCII mail nickname from a name, as a directory would have built it ("zoe.angstrom"). */
function nickname(given, surname, i) {
  const key = `${given}|${surname}`;
  let plain = asciiNames.get(key);
  if (plain === undefined) {
    plain = `${given.split(" ")[0]}.${surname.split(" ").pop()}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[øØ]/g, "o")
      .replace(/[łŁ]/g, "l")
      .replace(/ı/g, "i")
      .replace(/[^A-Za-z.-]/g, "")
      .toLowerCase();
    asciiNames.set(key, plain);
  }
  return `${plain}${i}`;
}

const HEX = "0123456789abcdef";

function hexId(random) {
  let out = "";
  for (let i = 0; i < 32; i++) {
    out += HEX[Math.floor(random() * 16)];
    if (i === 7 || i === 11 || i === 15 || i === 19) out += "-";
  }
  return out;
}

/**
 * Creates a generator of users: `next()` returns the next user. The i-th user is always the same for a
 * given seed; `manager` points at an earlier user's objectId.
 */
export function userGenerator(seed = 20_261_123) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const digits = (n) => {
    let out = "";
    for (let i = 0; i < n; i++) out += Math.floor(random() * 10);
    return out;
  };
  const recentIds = [];
  let index = 0;
  return {
    next() {
      const i = index++;
      const given = pick(GIVEN);
      const surname = pick(SURNAMES);
      const [city, country, language, countryCode] = pick(PLACES);
      const roll = random();
      const guest = roll < 0.08;
      const fabrikam = !guest && roll < 0.22;
      const nick = nickname(given, surname, i);
      const domain = fabrikam ? "fabrikam.com" : "contoso.com";
      const user = { objectId: hexId(random) };
      const kiosk = random() < 0.01;
      if (!kiosk) {
        if (guest) {
          user.userPrincipalName = `${nick}_tailspintoys.com#EXT#@contoso.onmicrosoft.com`;
          user.mailNickname = `${nick}_tailspintoys.com#EXT#`;
        } else {
          user.userPrincipalName = `${nick}@${domain}`;
          user.mailNickname = nick;
        }
        user.givenName = given;
        user.surname = surname;
      }
      user.displayName = kiosk
        ? `Lobby Kiosk ${i}`
        : guest
          ? `${given} ${surname} (Tailspin Toys)`
          : `${given} ${surname}`;
      if (!kiosk && random() < 0.88) user.mail = guest ? `${nick}@tailspintoys.com` : `${nick}@${domain}`;
      const titleRoll = random();
      if (titleRoll < 0.05) user.jobTitle = "";
      else if (titleRoll < 0.97) user.jobTitle = pick(TITLES);
      user.department = pick(DEPARTMENTS);
      if (random() < 0.72) user.mobile = pick(MOBILE_SHAPES)(countryCode, digits(10));
      if (random() < 0.5) user.telephoneNumber = `${countryCode} ${digits(2)} ${digits(3)} ${digits(4)}`;
      if (!kiosk && random() < 0.9) user.employeeId = fabrikam ? `F-${digits(5)}` : `1${digits(5)}`;
      if (!kiosk) user.preferredLanguage = language;
      user.city = city;
      user.country = country;
      if (!kiosk) user.userType = guest ? "Guest" : "Member";
      if (recentIds.length > 0 && random() < 0.3) user.manager = pick(recentIds);
      const deleted = random() < 0.04;
      user.IsSoftDeleted = deleted ? "True" : "False";
      user.accountEnabled = !deleted;
      user.proxyAddresses = user.mail ? [`SMTP:${user.mail}`] : [];
      if (user.mail && random() < 0.3) user.proxyAddresses.push(`smtp:${nick}@${domain}`);
      const roleCount = Math.floor(random() * 4);
      const roles = [];
      for (let r = 0; r < roleCount; r++) {
        const role = ROLES[(i + r) % ROLES.length];
        roles.push({ id: role.id, value: role.value, displayName: role.displayName });
      }
      user.appRoleAssignments = roles;
      if (random() < 0.75) {
        user.extension_1fcdafeb6c7e492f94ee3c6a774f7761_costCenter = `CC-${4000 + Math.floor(random() * 600)}`;
      }
      if (recentIds.length >= 64) recentIds.shift();
      recentIds.push(user.objectId);
      return user;
    },
  };
}

/** The first `count` users of the default seed. */
export function generateUsers(count, seed) {
  const generator = userGenerator(seed);
  return Array.from({ length: count }, () => generator.next());
}

/**
 * A target directory (SCIM resources) holding every fifth of the first `count` users, some with stale
 * values, so that a preview sees creates, updates and skips as a real run would.
 */
export function generateTarget(users) {
  const target = [];
  for (let i = 0; i < users.length; i += 5) {
    const user = users[i];
    if (!user.userPrincipalName) continue;
    const stale = i % 10 === 0;
    target.push({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      id: `t-${i.toString(16).padStart(8, "0")}`,
      externalId: user.mailNickname,
      userName: user.userPrincipalName,
      active: true,
      displayName: stale ? `${user.displayName} (old)` : user.displayName,
      title: user.jobTitle || undefined,
      name: { givenName: user.givenName, familyName: user.surname },
    });
  }
  return target;
}
