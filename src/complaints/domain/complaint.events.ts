import type { DomainEvent } from '../../shared/domain/decider';

export const complaintChannels = ['phone', 'hotline', 'visit', 'letter', 'online', 'referral'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintSeverities = ['normal', 'serious', 'group'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

/** Personal data of the complainant (confidential: shown only to roles allowed to see it). */
export interface Complainant {
  name: string;
  phone?: string;
  /** Building / unit / flat. */
  address?: string;
}

export type ComplaintReceived = DomainEvent<
  'ComplaintReceived',
  {
    complaintId: string;
    channel: ComplaintChannel;
    complainant: Complainant;
    location?: string;
    subject: string;
    description: string;
    severity: ComplaintSeverity;
    receivedAt: string;
    /** Employees the complaint is about, when the clerk knows them at receipt. */
    concernsEmployeeIds: string[];
  }
>;

export type ComplaintEvent = ComplaintReceived;
export const complaintEventTypes = ['ComplaintReceived'] as const;
