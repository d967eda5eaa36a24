// The customer list's search worker (docs/customer-list.md): it opens the local store itself,
// builds the index of one connection and answers the list's queries, so the window's main thread
// never reads or scans the connection's rows. One worker per shown connection; the list terminates
// it.
import { descriptorFor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { openCustomerStore } from '../db/dexie-customer-store';
import { openFirstScreens } from './first-screen';
import { SearchService } from './search-service';
import type { FromWorker, ToWorker } from './search-types';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

let service: SearchService | undefined;

function post(message: FromWorker): void {
  // The doc list is copied nowhere: it moves to the main thread.
  if (message.type === 'result' || message.type === 'docs') {
    scope.postMessage(message, [message.docs.buffer]);
  } else scope.postMessage(message);
}

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'open': {
      const store = openCustomerStore(data.dbName);
      const descriptor = descriptorFor(data.kind) as ConnectorDescriptor<unknown>;
      const firstScreens = openFirstScreens(data.dbName);
      service = new SearchService(store, data.connectionId, descriptor, post, firstScreens);
      void service.load();
      return;
    }
    case 'refresh':
      void service?.refresh();
      return;
    case 'query':
      service?.query(data.seq, data.query);
      return;
    case 'rows':
      service?.rows(data.seq, data.docs);
      return;
    case 'duplicates':
      if (service) service.duplicates(data.seq, data);
      else post({ type: 'duplicates', seq: data.seq, candidates: [] });
      return;
    case 'keys':
      service?.keys(data.id, data.docs);
      return;
  }
};
