// Deterministic demo customers for R2: 0–4 contacts each (mostly 1–4), addresses, udfs, audit
// fields spread over the last two years, and some "Created in CRM" records that exist only by ID.
import {
  r2Billable,
  r2Categories,
  r2CustomerStatuses,
  r2CustomerTypes,
  r2DefaultPayAt,
  r2Phases,
  type R2Address,
  type R2Contact,
} from '../../src-shared/connectors/r2/api';
import { formatR2DateTime, truncateToMinute } from '../r2/r2-dates';
import type { StoredR2Customer } from '../r2/r2-state';
import type { Random } from '../random';
import { salespeople } from './salespeople';
import {
  companyName,
  email,
  person,
  phone,
  postcode,
  streetLine,
  uniqueName,
  type Place,
} from './text';
import { places } from './words';

const twoYearsMs = 2 * 365 * 24 * 3600 * 1000;
const importer = { id: 'import', name: 'Data import' };
const salespersonIds = Object.keys(salespeople);
const departments = ['SALES', 'OPS', 'ACCT', 'SITE', ''];
const titles = ['Site manager', 'Buyer', 'Accounts payable', 'Director', 'Project manager', ''];

export function* generateR2Customers(
  random: Random,
  count: number,
  now: number,
): Generator<StoredR2Customer> {
  const taken = new Set<string>();
  let contactRecordId = 5_000_001;
  for (let n = 0; n < count; n++) {
    const place = random.pick(places);
    const address = addressIn(random, place);
    const companyname = uniqueName(companyName(random), taken);
    const createdAt = truncateToMinute(now - random.int(0, twoYearsMs));
    const updatedAt = random.chance(0.6)
      ? truncateToMinute(createdAt + random.int(0, now - createdAt))
      : createdAt;
    const audit = auditFields(createdAt, updatedAt);
    const contactCount = random.chance(0.03) ? 0 : random.int(1, 4);
    const contacts: R2Contact[] = [];
    for (let c = 0; c < contactCount; c++) {
      const who = person(random);
      contacts.push({
        recordid: String(contactRecordId++),
        contactid: `CT${String(contactRecordId).slice(-6)}`,
        firstname: who.first,
        lastname: who.last,
        ...(random.chance(0.1) ? { middlename: random.pick(['J.', 'Marie', 'A.', 'Lee']) } : {}),
        title: random.pick(titles),
        departmentid: random.pick(departments),
        emailaddr: email(who.first, who.last, companyname),
        workphone: phone(random),
        ...(random.chance(0.6) ? { mobilephone: phone(random) } : {}),
        // Most contacts work at the customer's address; sharing the object keeps 100k records small.
        address: random.chance(0.8) ? address : addressIn(random, random.pick(places)),
        isprimarycontact: c === 0,
        ...audit,
      });
    }
    yield {
      updatedAt,
      customer: {
        recordid: String(1_000_001 + n),
        customerid: random.chance(0.9) ? `C${String(100_001 + n)}` : null,
        type: random.chance(0.9) ? 'Normal' : 'Corporate',
        category: random.pick(r2Categories),
        companyname,
        phonenumber: phone(random),
        customertype: random.pick(r2CustomerTypes),
        address,
        billingaddress: random.chance(0.7) ? address : addressIn(random, place),
        shippingaddress: address,
        web: random.chance(0.5)
          ? `www.${
              companyname
                .split(' ')[0]
                ?.toLowerCase()
                .replace(/[^a-z]/g, '') || 'example'
            }.example`
          : null,
        contacts,
        creditlimit: random.int(0, 200) * 500,
        customerstatus: random.chance(0.85) ? 'Active' : random.pick(r2CustomerStatuses),
        defaultpayat: random.pick(r2DefaultPayAt),
        salespersonid: random.pick(salespersonIds),
        billable: random.chance(0.9) ? 'Bill' : random.pick(r2Billable),
        applytax: random.chance(0.9),
        porequired: random.chance(0.3),
        synchronizer2: random.chance(0.05)
          ? 'Created in CRM'
          : random.chance(0.5)
            ? 'Synchronized with R2'
            : 'Created in R2',
        phase: random.pick(r2Phases),
        udfs: [
          { caption: 'Region', value: place[1] },
          { caption: 'Preferred depot', value: `${place[0]} depot` },
        ],
        ...audit,
      },
    };
  }
}

function addressIn(random: Random, place: Place): R2Address {
  return {
    addressline: streetLine(random),
    city: place[0],
    state: place[1],
    zip: postcode(random, place[2]),
    country: place[4],
  };
}

function auditFields(createdAt: number, updatedAt: number) {
  return {
    createdbyid: importer.id,
    createdbyname: importer.name,
    createddate: formatR2DateTime(createdAt),
    updatedbyid: importer.id,
    updatedbyname: importer.name,
    updateddate: formatR2DateTime(updatedAt),
  };
}
