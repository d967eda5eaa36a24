// Revnue API v2 over HTTP: customers (list/get/create/update, find by natural key) and the lookup
// lists the editor needs offline. Every answer is parsed with the shared zod schemas.
import { z } from 'zod';
import {
  revnueCategorySchema,
  revnueCompanySchema,
  revnueCountrySchema,
  revnueCustomerListSchema,
  revnueCustomerResponseSchema,
  revnueCustomFieldTemplateSchema,
  revnueNaturalKey,
  type RevnueCategory,
  type RevnueCompany,
  type RevnueCountry,
  type RevnueCustomerBody,
  type RevnueCustomerResponse,
  type RevnueCustomFieldTemplate,
} from '../../../src-shared/connectors/revnue-v2/api';
import { ok, type Result } from '../../../src-shared/ipc/result';
import type { HttpClient, HttpRequest } from '../../http/http-client';
import { parseBody } from '../../http/parse-body';
import {
  CUSTOMER_PAGE_DEFAULT,
  customerListStream,
  type CustomerListStream,
} from './customer-list-stream';
import { revnueEndpoints as paths } from './endpoints';

export interface RevnueConnector {
  /** The whole list in memory: only for callers that need it whole; the sync pages instead. */
  listCustomers(company: number): Promise<Result<RevnueCustomerResponse[]>>;
  /** The list read off the wire page by page as it is asked for (see customer-list-stream). */
  openCustomerList(company: number): Promise<Result<CustomerListStream>>;
  getCustomer(id: number): Promise<Result<RevnueCustomerResponse>>;
  createCustomer(body: RevnueCustomerBody): Promise<Result<RevnueCustomerResponse>>;
  updateCustomer(id: number, body: RevnueCustomerBody): Promise<Result<RevnueCustomerResponse>>;
  /** The customer whose name is `name` (unique per account), or null: how a lost create is found. */
  findByName(company: number, name: string): Promise<Result<RevnueCustomerResponse | null>>;
  companies(): Promise<Result<RevnueCompany[]>>;
  categories(company: number): Promise<Result<RevnueCategory[]>>;
  countries(): Promise<Result<RevnueCountry[]>>;
  customFieldTemplates(company: number): Promise<Result<RevnueCustomFieldTemplate[]>>;
}

export function createRevnueConnector(http: HttpClient): RevnueConnector {
  async function call<S extends z.ZodType>(
    request: HttpRequest,
    schema: S,
    what: string,
  ): Promise<Result<z.output<S>>> {
    const response = await http.request(request);
    if (!response.ok) return response;
    return parseBody(schema, response.value.body, what);
  }

  const listCustomers = (company: number) =>
    call(
      { method: 'GET', path: paths.customers, searchParams: { company } },
      revnueCustomerListSchema,
      'a customer list',
    );

  async function openCustomerList(company: number): Promise<Result<CustomerListStream>> {
    const response = await http.requestStream({
      method: 'GET',
      path: paths.customers,
      searchParams: { company },
    });
    return response.ok ? ok(customerListStream(response.value.body)) : response;
  }

  return {
    listCustomers,
    openCustomerList,
    getCustomer: (id) =>
      call({ method: 'GET', path: paths.customer(id) }, revnueCustomerResponseSchema, 'a customer'),
    createCustomer: (body) =>
      call(
        { method: 'POST', path: paths.customers, json: body },
        revnueCustomerResponseSchema,
        'a created customer',
      ),
    updateCustomer: (id, body) =>
      call(
        { method: 'PUT', path: paths.customer(id), json: body },
        revnueCustomerResponseSchema,
        'an updated customer',
      ),
    async findByName(company, name) {
      // Revnue has no name filter: read the company's list page by page, never whole, and
      // compare natural keys; the rest of the list is dropped once the customer is found.
      const opened = await openCustomerList(company);
      if (!opened.ok) return opened;
      const list = opened.value;
      const key = revnueNaturalKey({ name });
      for (;;) {
        const page = await list.next(CUSTOMER_PAGE_DEFAULT);
        if (!page.ok) return page;
        const found = page.value.customers.find((customer) => revnueNaturalKey(customer) === key);
        if (found || page.value.done) {
          list.close();
          return ok(found ?? null);
        }
      }
    },
    companies: () =>
      call(
        { method: 'GET', path: paths.companies },
        z.array(revnueCompanySchema),
        'a company list',
      ),
    categories: (company) =>
      call(
        { method: 'GET', path: paths.categories, searchParams: { company } },
        z.array(revnueCategorySchema),
        'a category list',
      ),
    countries: () =>
      call(
        { method: 'GET', path: paths.countries },
        z.array(revnueCountrySchema),
        'a country list',
      ),
    customFieldTemplates: (company) =>
      call(
        { method: 'GET', path: paths.customFieldTemplates, searchParams: { company } },
        z.array(revnueCustomFieldTemplateSchema),
        'a custom field template list',
      ),
  };
}
