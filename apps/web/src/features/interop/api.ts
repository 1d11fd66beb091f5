import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { keys } from '../../api/query-keys';

/** The Content-Type the API expects for a file: a ZIP of notices, or one notice (XML). */
export function uploadType(file: File): 'application/zip' | 'application/xml' {
  return file.type.includes('zip') || /\.zip$/i.test(file.name) ? 'application/zip' : 'application/xml';
}

/** A Content-Disposition naming the file (errors then name it), when the name can travel in a header. */
function disposition(name: string): Record<string, string> {
  return /^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name)
    ? { 'Content-Disposition': `attachment; filename="${name}"` }
    : {};
}

/** Sends an eForms notice (XML) or a ZIP of notices as the request body; the API answers the queued import. */
export function useEformsUpload() {
  return useMutation({
    mutationFn: (file: File) =>
      call(
        api.POST('/imports/eforms', {
          // The body is the file itself, sent as is (not JSON).
          body: file as unknown as string,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': uploadType(file), ...disposition(file.name) },
        }),
      ),
  });
}

/** An import, polled until it is done or failed. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: keys.imports.one(id ?? ''),
    queryFn: () => call(api.GET('/imports/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 750;
    },
  });
}
