// The case data an authority sends with a letter (contentData, §6.13.6), in every field the spec prints.
import type { MailboxRecord } from '../context';
import type { SeedRun } from './run';

export interface CaseDataSpec {
  caseId: string;
  caseSystem: string;
  kle: { subjectKey: string; version: string; activityFacet: string; label: string };
  form: { taskKey: string; version: string; activityFacet: string; label: string };
  productionUnit: { number: number; name: string };
  /** Fields a letter about a vehicle, a property or an education would fill; printed, so always given. */
  motorVehicle: { licenseNumber: string; chassisNumber: string };
  propertyNumber: string;
  education: { code: string; name: string };
  address: { label: string; houseNumber: string; door: string; floor: string; zipCode: string; city: string };
  additional: { type: string; name: string; value: string }[];
}

export const contentDataFor = (
  run: SeedRun,
  mailbox: MailboxRecord,
  from: { cvr: string; name: string },
  spec: CaseDataSpec,
): Record<string, unknown> => {
  const { store } = run;
  return {
    id: store.newId(),
    version: 0,
    cprDataCprNumber: mailbox.ownerId,
    cprDataName: mailbox.ownerName,
    cvrDataCvrNumber: from.cvr,
    cvrDataCompanyName: from.name,
    motorVehicleLicenseNumber: spec.motorVehicle.licenseNumber,
    motorVehicleChassisNumber: spec.motorVehicle.chassisNumber,
    propertyNumber: spec.propertyNumber,
    caseId: spec.caseId,
    caseSystem: spec.caseSystem,
    kleDataSubjectKey: spec.kle.subjectKey,
    kleDataVersion: spec.kle.version,
    kleDataActivityFacet: spec.kle.activityFacet,
    kleDataLabel: spec.kle.label,
    formDataTaskKey: spec.form.taskKey,
    formDataVersion: spec.form.version,
    formDataActivityFacet: spec.form.activityFacet,
    formDataLabel: spec.form.label,
    productionUnitNumber: spec.productionUnit.number,
    productionUnitName: spec.productionUnit.name,
    educationCode: spec.education.code,
    educationName: spec.education.name,
    address: {
      id: store.newId(),
      version: 0,
      addressId: store.newId(),
      addressLabel: spec.address.label,
      houseNumber: spec.address.houseNumber,
      door: spec.address.door,
      floor: spec.address.floor,
      co: '',
      zipCode: spec.address.zipCode,
      city: spec.address.city,
      country: 'DK',
    },
    additionalContentData: spec.additional.map((a) => ({
      id: store.newId(),
      version: 0,
      contentDataType: a.type,
      contentDataName: a.name,
      contentDataValue: a.value,
    })),
  };
};
