// Conversions (T3/T4): the program's orders with attribution, the CSV export and the orders CSV import.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  Conversion,
  ConversionsPage,
  OrderImportResult,
} from '../../../server/modules/conversions/conversions.contract';
import { api, apiPath, uploadFile, withQuery } from '../../lib/api';

export type { Conversion, ConversionsPage, OrderImportResult };

export interface ConversionFilters {
  ambassadorId?: string | undefined;
  /** Orders of one store connection (the connection's page links here with it). */
  connectionId?: string | undefined;
  method?: 'code' | 'click' | 'both' | undefined;
  status?: 'credited' | 'rejected' | undefined;
  refunded?: 'yes' | 'no' | undefined;
}

export const pageSize = 50;

export const conversionsQuery = (
  workspaceId: string,
  programId: string,
  filters: ConversionFilters,
  page: number,
) =>
  queryOptions({
    queryKey: ['conversions', workspaceId, programId, filters, page],
    queryFn: () =>
      api<ConversionsPage>(
        withQuery(`/workspaces/${workspaceId}/programs/${programId}/conversions`, {
          ...filters,
          limit: pageSize,
          offset: page * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function exportConversionsUrl(
  workspaceId: string,
  programId: string,
  filters: ConversionFilters,
): string {
  return apiPath(
    withQuery(`/workspaces/${workspaceId}/programs/${programId}/conversions/export.csv`, { ...filters }),
  );
}

export function importOrdersCsv(
  workspaceId: string,
  connectionId: string,
  file: File,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
  onProgress: (percent: number) => void,
) {
  const path = withQuery(`/workspaces/${workspaceId}/stores/${connectionId}/orders/import`, options);
  return uploadFile<OrderImportResult>(path, file, { contentType: 'text/csv', onProgress });
}
