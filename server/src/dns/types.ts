/** The engine's output: records and answers, in `dig`'s presentation format. */
import type { KubeObject } from '../manifests/types';

export type RecordType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'TXT' | 'SOA' | 'NS';

/** Query types the engine understands; any other type is answered like CoreDNS does (§12). */
export const QUERY_TYPES = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'TXT', 'SOA', 'NS', 'MX', 'ANY', 'HINFO', 'CAA', 'HTTPS'] as const;

export interface ResourceRecord {
  /** Absolute owner name with the trailing dot, spelled as in the question. */
  readonly name: string;
  readonly type: RecordType;
  readonly ttl: number;
  /** Presentation data as `dig` prints it; angle brackets mark data known only at run time. */
  readonly data: string;
  /** The object the record comes from (a Service, EndpointSlice, Pod, …), where there is one. */
  readonly origin?: KubeObject;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'REFUSED';

export interface Answer {
  readonly question: { readonly name: string; readonly type: string };
  readonly rcode: Rcode;
  readonly answer: readonly ResourceRecord[];
  readonly additional: readonly ResourceRecord[];
  /** The SOA in the authority section of negative answers. */
  readonly authority: readonly ResourceRecord[];
  /**
   * True when the cluster DNS passes the question on (a name outside the zone, or a reverse name
   * it has no record for under kubeadm's `fallthrough`): the answer comes from upstream.
   */
  readonly forwarded: boolean;
  /** Why the answer is what it is, in plain words (e.g. why a wildcard gets NXDOMAIN). */
  readonly notes: readonly string[];
}
