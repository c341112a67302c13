import type { FieldError } from '../ipc/app-error';
import { formatMessage } from './message-format';

// Pure data, with three lookups at the end (left out of Prettier so the extracted messages stay as extracted):
// Digital Post's front-end error codes and their Danish messages (§13.4.1 of the Technical Integration document),
// kept verbatim so the sandbox answers with the same text Digital Post does and the app can match codes.
// Extracted from the PDF text: wrapped lines are joined, `\"` is unescaped as in a .properties file, and two
// characters the PDF lost in systemFetch.systemId.not.default are restored (æ). Codes listed twice in §13.4.1
// (access.denied, url.invalid) carry the same message and appear once. Placeholders follow java.text.MessageFormat:
// `{0}`, `''` for a quote, and the single `{n, choice, …}` message.
export const DP_ERROR_MESSAGES = {
  'access.accessType.notNull':
    'Typen skal udfyldes.',
  'access.mailboxId.notNull':
    'Postkassens id skal udfyldes.',
  'access.maximum.number.of.emails.exceeded':
    'Der kan maksimalt oprettes {0} antal e-mails til notifikation for denne type adgang.',
  'access.maximum.number.of.sms.exceeded':
    'Der kan maksimalt oprettes {0} antal sms til notifikation for denne type adgang.',
  'access.emailNotificationSubscriptions.email.required':
    'E-mailadressen skal udfyldes.',
  'access.emailNotificationSubscriptions.email.invalid':
    'E-mailadressen er ikke gyldig.',
  'access.emailNotificationSubscriptions.email.alreadyUsed':
    'E-mailadressen {0} er allerede angivet én gang.',
  'access.emailNotificationSubscriptions.confirmationTime.verificationRequired':
    'Verifikation skal gennemføres før e-mailadressen kan bekræftes.',
  'access.smsNotificationSubscription.mobileNumber.required':
    'Mobiltelefonnummeret skal udfyldes.',
  'access.smsNotificationSubscription.mobileNumber.invalid':
    'Mobiltelefonnummeret {0} er ikke et gyldigt dansk nummer.',
  'access.smsNotificationSubscription.confirmationTime.verificationRequired':
    'Verifikation skal gennemføres før mobiltelefonnummeret kan bekræftes.',
  'access.pushNotificationSubscriptions.deviceId.required':
    'Device id skal udfyldes.',
  'access.pushNotificationSubscriptions.deviceId.alreadyUsed':
    'Device id {0} er allerede angivet én gang.',
  'access.optedOutOfNotificationsDateTime.isInAFuture':
    'datoen må ikke være i fremtiden.',
  'accessRequest.requestType.required':
    'Type (requestType) skal udfyldes.',
  'accessRequest.requestType.invalid':
    'Ugyldig værdi angivet.',
  'accessRequest.privilegeEndDate.invalid':
    'En anmodning må ikke oprettes eller godkendes med udløbet slutdato.',
  'accessRequest.privilegeEndDateTime.invalid':
    'En anmodning må ikke oprettes eller godkendes med udløbet slutdato.',
  'accessRequest.privilegeEndDateTime.invalid.after':
    'Anmodningens sluttidspunkt må ikke være efter {0}.',
  'accessRequest.privilegeEndDate.withPrivilegeEndDateTime':
    'En anmodning kan ikke indeholde både privilegeEndDate og privilegeEndDateTime.',
  'accessRequest.requestType.modified':
    'Det er ikke tilladt at skifte type.',
  'accessRequest.requestState.required':
    'Tilstand (requestState) skal udfyldes.',
  'accessRequest.requestState.invalid':
    'Ugyldig værdi angivet.',
  'accessRequest.create.requestState.invalid':
    'En anmodning kan kun oprettes med requestState DRAFT.',
  'accessRequest.requestState.invalidTransition':
    'En anmodning kan ikke skifte fra {0} til {1}.',
  'accessRequest.requester.required':
    'Anmoderen (requester) skal udfyldes.',
  'accessRequest.accessTo.required':
    'Rettighedsejer (accessTo) skal udfyldes.',
  'accessRequest.target.required':
    'Rettighedsmodtager (target) skal udfyldes.',
  'accessRequest.documentations.mediaType.invalid':
    'Ugyldig type {0} - tilladte typer {1}.',
  'accessRequest.documentations.tooLarge':
    'Ugyldig filstørrelse - maks. størrelse {0} bytes.',
  'accessRequest.documentations.size':
    'Antallet af vedhæftninger må ikke overstiger {0}.',
  'accessRequest.documentations.documentationType.required':
    'Dokumenttype skal udfyldes.',
  'accessRequest.documentations.documentationType.specific.required':
    'En dokument af typen {0} skal vedhæftes.',
  'accessRequest.documentations.content.infected':
    'Virus detekteret. Filen kan ikke tilføjes.',
  'accessRequest.requestParticipant.contact.not.allowed':
    'Det er ikke muligt at lave et forespørgsel til denne kontakt',
  'accessRequest.requestParticipant.identity.notFound':
    'Deltageren {0} kunne ikke identificeres.',
  'accessRequest.requestParticipant.identity.identityType':
    'Typen på deltageren {0} kunne ikke identificeres.',
  'accessRequest.requestParticipant.identity.required':
    'Deltagerens identitet kunne ikke afgøres. Enten skal externalId og type udfyldes eller også identitets id udfyldes.',
  'accessRequest.requestParticipant.identity.mismatch':
    'Deltagerens angivne interne identifikator matcher ikke med den eksterne.',
  'accessRequest.requestParticipant.identityType.mismatch':
    'Deltagerens identitet er en blanding af borger og virksomhed/medarbejder og dermed ugyldig.',
  'accessRequest.requestParticipant.externalId.pattern':
    'externalId skal indeholde gyldigt CPR-nummer (10 tegn) eller CVR-nummer (8 tegn).',
  'accessRequest.requestParticipant.externalId.cprLookup.timeout.small':
    'Der er foretaget for mange fejlende CPR opslag. Yderligere forsøg er blokeret i {0} minutter.',
  'accessRequest.requestParticipant.externalId.cprLookup.timeout.large':
    'Der er foretaget for mange fejlende CPR opslag. Yderligere forsøg er blokeret i {0} minutter.',
  'accessRequest.requestParticipant.externalIdType.required':
    'Det skal angives om den eksterne nøgle er CPR-nummer eller CVR-nummer.',
  'accessRequest.requestParticipant.externalIdType.invalid':
    'Det skal angives om den eksterne nøgle er CPR-nummer eller CVR-nummer.',
  'accessRequest.requestParticipant.firstNameProvided.required':
    'Fornavn skal udfyldes.',
  'accessRequest.requestParticipant.lastNameProvided.required':
    'Efternavn skal udfyldes.',
  'accessRequest.requestParticipant.firstNameProvided.size':
    'Længden af fornavnet må ikke overstige 256 tegn.',
  'accessRequest.requestParticipant.lastNameProvided.size':
    'Længden af efternavnet må ikke overstige 256 tegn.',
  'accessRequest.requestParticipant.emailAddress.required':
    'E-mailadresse skal udfyldes',
  'accessRequest.requestParticipant.emailAddress.invalid':
    'Ugyldig e-mailadresse.',
  'accessRequest.requestParticipant.emailAddress.size':
    'Længden af e-mailadressen må ikke overstige 256 tegn.',
  'accessRequest.requestParticipant.alias.size':
    'Længden af alias må ikke overstige 256 tegn.',
  'accessRequest.requestParticipant.position.size':
    'Længden af stillingsbetegnelse må ikke overstige 256 tegn.',
  'accessRequest.requestParticipant.mustBeCitizen':
    'Typen af deltager være en borger i denne rolle',
  'accessRequest.requestParticipant.mustBeOrganisation':
    'Typen af deltager være en organisation i denne rolle',
  'accessRequest.target.requestParticipant.required':
    'requestParticipant skal udfyldes på target.',
  'accessRequest.target.requestParticipant.mustMatchRequester':
    'Target skal matche requester.',
  'accessRequest.accessTo.full.access.must.be.citizen':
    'AccessTo skal være en borger for anmodninger der indeholder læse- og skriveadgang privilegiet.',
  'accessRequest.accessTo.full.access.max.accesses':
    'Adgangsgiver kan højst have 10 læse og læse- og skriveadgange',
  'accessRequest.accessTo.mustMatchRequester':
    'accessTo skal matche requester.',
  'accessRequest.privileges.npte.required':
    'Ved USER_ADMIN_STATEMENT_OF_TRUTH_PRIVILEGE_REQUEST skal privilegierne være foruddefinerede NPTE privilegier: {0}',
  'accessRequest.accessTo.mustMatchAppointments':
    'Ved APPOINTED_DELEGATION_REQUEST skal accessTo matche allerede tildelte privilegiers scope.',
  'accessRequest.illegalModification':
    'Ugyldig redigering af anmodning foretaget.',
  'accessRequest.rejectionReason.required':
    'Begrundelse (rejectionReason) skal udfyldes.',
  'accessRequest.revocationReason.required':
    'Begrundelse (revocationReason) skal udfyldes.',
  'accessRequest.userGroups.notAllowed':
    'Brugergrupper kan kun benyttes på direkte tildelinger indenfor samme organisdation.',
  'accessRequest.privilegesOrUserGroups.required':
    'Privilegier og/eller brugergrupper skal udfyldes.',
  'accessRequest.privileges.userAdmin.required':
    'Privilegiet skal være ORGANISATION_USER_ADMINISTRATOR (og kun det).',
  'accessRequest.privileges.special.required':
    'Ved specialanmodninger (CURATOR, EXECUTOR_OF_ESTATE, LIQUIDATOR) skal privilegiet være én og kun én af de 3.',
  'accessRequest.privileges.special.notAllowed':
    'Special-privilegier (CURATOR, EXECUTOR_OF_ESTATE, LIQUIDATOR) er kun tilladt på specialanmodninger (SPECIAL_PRIVILEGIE_REQUEST) eller videre delegeringer (APPOINTED_DELEGATION_REQUEST).',
  'accessRequest.privileges.required':
    'Privilegier skal udfyldes.',
  'accessRequest.privileges.legalOwnerOfInactiveOrClosedCompany.required':
    'Ved LEGAL_OWNER_OF_INACTIVE_OR_CLOSED_COMPANY_PRIVILEGE_REQUEST skal privilegierne være alle foruddefinerede privilegier: {0}',
  'accessRequest.accessTo.legalOwnerOfInactiveOrClosedCompany.hasCurator':
    'Organisationen har kurator/bobestyrer tilknyttet.',
  'accessRequest.privileges.delegatedSupportAdminPrivilegeRequest.required':
    'Ved DELEGATED_SUPPORT_ADMIN_PRIVILEGE_REQUEST skal privilegierne være alle foruddefinerede privilegier: {0}',
  'accessRequest.target.activation.code.required':
    'Aktiveringskode skal udfyldes.',
  'accessRequest.withdrawal.illegal':
    'Anmodningen kan ikke trækkes tilbage når privilegierne/grupperne er tildelt.',
  'accessRequest.termsApproval.notAuthorityAndNotCorrectIndustryCode':
    'Organisationen skal være en myndighed eller have branche code 841100.',
  'citizenLookup.identity.notFound':
    'Deltageren {0} kunne ikke identificeres.',
  'citizenLookup.firstNameProvided.required':
    'Fornavn skal udfyldes.',
  'citizenLookup.lastNameProvided.required':
    'Efternavn skal udfyldes.',
  'organisationLookup.organisationId.notFound':
    'Organisationen {0} kunne ikke identificeres.',
  'citizenLookup.cprLookup.timeout.small':
    'Der er foretaget for mange fejlende CPR opslag. Yderligere forsøg er blokeret i {0} minutter.',
  'citizenLookup.cprLookup.timeout.large':
    'Der er foretaget for mange fejlende CPR opslag. Yderligere forsøg er blokeret i {0} minutter.',
  'folder.folderType.illegal':
    'Standardmapper kan ikke oprettes.',
  'folder.folderType.notNull':
    'Mappens type skal udfyldes.',
  'folder.folderType.invalid':
    '{0} er ugyldig som mappetype.',
  'folder.name.notBlank':
    'Navn på mappen skal udfyldes.',
  'folder.create.too.many.folders':
    'Der kan maksimalt oprettes {0} antal mapper.',
  'folder.create.standard.folder.exists':
    'En standardmappe af typen {0} eksisterer allerede.',
  'folder.create.standard.folder.with.parent.not.allowed':
    'En standardmappe må ikke være undermappe.',
  'folder.createOrUpdate.name.exists.at.level':
    'Der findes allerede en mappe der hedder {0} på dette niveau.',
  'folder.createOrUpdate.too.many.levels':
    'Antallet af mappe-niveauer må ikke over stige {0}.',
  'folder.createOrUpdate.non.existing.parent':
    'Overmappen {0} eksistererer ikke i postkassen.',
  'folder.createOrUpdate.standard.parent.not.allowed':
    'En standardmappe kan ikke have undermapper',
  'folder.createOrUpdate.name.size':
    'Antal tegn i feltet name må ikke overstige {0} tegn.',
  'folder.createOrUpdate.name.illegal':
    'Mappens navn må ikke indeholde en af følgende tegn: {0}',
  'folder.update.standard.folder.may.no.be.updated':
    'En standardmappe må ikke opdateres.',
  'folder.delete.messages.exists':
    'Mappen kan ikke slettes, da den indeholder meddelelser.',
  'folder.delete.subfolders.exists':
    'Mappen kan ikke slettes, da den indeholder undermapper.',
  'folder.delete.standard.folders.may.not.be.deleted':
    'Mappen kan ikke slettes, da det er en standardmappe.',
  'message.draft.sendercontactPoint.not.allowed':
    'Afsenders kontakpunkt {0} må ikke have nogen værdi',
  'message.create.reply.notAllowed':
    'Denne meddelelse kan ikke besvares.',
  'message.update.reply.sender.notNull':
    'Feltet sender må ikke slettes for besvarelser.',
  'message.update.reply.recipient.notNull':
    'Feltet recipient må ikke slettes for besvarelser.',
  'message.update.reply.sender.id.not.allowed':
    'Feltet senderId må ikke opdateres for besvarelser.',
  'message.update.reply.sender.id.type.not.allowed':
    'Feltet senderIdType må ikke opdateres for besvarelser.',
  'message.update.reply.recipient.not.allowed':
    'Feltet recipient må ikke opdateres for besvarelser.',
  'message.update.reply.label.not.allowed':
    'Feltet label må ikke opdateres for besvarelser.',
  'message.update.folderId.notNull':
    'Mappe skal angives.',
  'message.update.folderId.notFound':
    'Den angivne mappe eksisterer ikke i postkassen.',
  'message.update.legallyNotified.not.allowed':
    'Kun forkyndelser kan markeres forkyndt.',
  'message.update.folderType.not.allowed':
    'En meddelelse i tilstand {0} kan ikke flyttes til mappe af typen {1}',
  'message.create.draft.folderType.not.allowed':
    'Meddelelse skal placeres i DRAFTS-mappen; ikke i {0}.',
  'message.create.draft.messageType.not.allowed':
    'Meddelelsestypen {0} er ikke tilladt her. Det skal være {1}.',
  'message.create.draft.folderId.notFound':
    'Den angivne mappe eksisterer ikke i postkassen.',
  'message.create.forward.email.invalid':
    'Den angivne email {0} er ikke valid.',
  'message.create.forward.notAllowed':
    'Denne meddelelse kan ikke videresendes.',
  'message.create.forward.comment.size':
    'Antal tegn i feltet {0} må ikke overstige {1} tegn.',
  'message.create.forward.comment.full-access.allowed.size':
    'Der er for mange tegn i kommentaren når standardteksten påsættes i starten af kommentaren.',
  'message.create.forward.recipientId.notBlank':
    'Modtagers id skal angives',
  'message.create.forward.recipientId.email.invalid':
    'E-mailadressen {0} er ugyldig.',
  'message.create.forward.recipientId.cpr.invalid':
    'CPR-nummeret {0} er ugyldigt',
  'message.create.forward.recipientId.cvr.invalid':
    'CVR-nummeret {0} er ugyldigt',
  'message.create.forward.recipientIdType.notNull':
    'Modtagertypen skal angives',
  'message.create.forward.recipientIdType.invalid':
    'Ugyldig modtagertype {0}. CPR/CVR/EMAIL er gyldige værdier.',
  'message.create.forward.senderLabel.size':
    'Antal tegn i feltet {0} må ikke overstige {1} tegn.',
  'message.create.forward.recipientLabel.size':
    'Antal tegn i feltet {0} må ikke overstige {1} tegn.',
  'message.create.forward.size.exceeds.allowed.size':
    'Total filstørrelse {0} overskrider tilladt størrelse til email-videresendelse: {1}.',
  'message.maximum.number.of.additionalContentData.exceeded':
    'Der kan maksimalt oprettes {0} antal additionalContentData.',
  'message.document.actions.status.of.additionalActionStatusData.exceeded':
    'Der kan maksimalt oprettes {0} antal additionalActionStatusData.',
  'message.document.draftMessageRequired':
    'Meddelelsen skal være en kladdemeddelelse for at kunne tilføje dokument.',
  'message.document.actionStatus.empty':
    '"StatusCode"-feltet inden for "ActionStatus" kan ikke være tomt.',
  'message.document.number.higher.than.allowed':
    'Grænsen for antal dokumenter der kan tilføjes beskeden er oversteget: {0}',
  'message.file.encodingFormat.required':
    'Format skal udfyldes - f.eks. \'text/html\'.',
  'message.file.encodingFormat.size':
    'Feltet {0} må ikke overstige 256 tegn.',
  'message.file.filename.required':
    'Filnavn skal udfyldes.',
  'message.file.filename.size':
    'Feltet {0} må ikke overstige 256 tegn.',
  'message.file.content.size':
    'Filen er for stor.',
  'message.file.content.infected':
    'Virus detekteret. Filen kan ikke tilføjes.',
  'message.file.language.required':
    'Sprog skal udfyldes - f.eks. \'da\'.',
  'message.file.encoding.format.invalid':
    'Det angivne format {0} er ikke tilladt for dokumenter af typen {1}. Tilladte formater: {2}',
  'message.file.encoding.format.invalid.switch.to.html':
    'encodingFormat kan ikke skiftes til text/html da det eksisterende indhold ikke er validt html.',
  'message.file.name.invalid':
    'Det angivne filtypenavn i {0} er ikke tilladt for filer med format {1}. Tilladte filtypenavne: {2}',
  'message.file.name.invalid.character':
    'File name contains invalid character: {0}',
  'message.file.draftMessageRequired':
    'Meddelelsen skal være en kladdemeddelelse for at kunne tilføje fil.',
  'message.file.number.higher.than.allowed':
    'Grænsen for antal filer der kan tilføjes beskeden er oversteget: {0}',
  'message.full-access.documents.allowed.size':
    'Der kan kun være ét hoveddokument. Der var {0}',
  'message.full-access.files.allowed.size':
    'Der kan kun være én fil på hoveddokumentet. Der var {0}',
  'message.full-access.files.wrong.encoding':
    'Filen har en forkert filtype. Det skal være HTML format',
  'message.language.code.invalid':
    'Sprogkoden {0} matcher ikke ISO 369-1',
  'message.total.file.size.exceeds.allowed.size':
    'Total filstørrelse overskrider tilladt størrelse: {0}',
  'message.recipient.recipientIdType.invalid':
    'Ugyldig modtagertype {0}. CPR/CVR er gyldige værdier.',
  'message.recipient.recipientId.cpr.invalid':
    'CPR-nummeret {0} er ugyldigt.',
  'message.recipient.recipientId.cvr.invalid':
    'CVR-nummeret {0} er ugyldigt.',
  'message.recipient.recipientId.email.invalid':
    'E-mailen {0} er ugyldig.',
  'message.recipient.contactPoint.contactInfo.exceeds.max':
    'Der kan højst angives 2 kontaktinformationer.',
  'message.recipient.contactPoint.contactInfo.label.notBlank':
    'Informationsfeltets navn skal angives.',
  'message.recipient.contactPoint.contactInfo.value.notBlank':
    'Informationsfeltets værdi skal angives.',
  'message.send.label.required':
    'Feltet label skal udfyldes ved afsendelse.',
  'message.send.sender.label.required':
    'Feltet sender.label skal udfyldes ved afsendelse.',
  'message.send.invalid.folder':
    'En meddelelse kan kun sendes fra \'Kladder\'-mappen.',
  'message.send.invalid.state':
    'Kun kladder kan sendes. Denne meddelelse er en i tilstanden {0}.',
  'message.send.documents.required':
    'Der skal tilføjes et hoveddokument.',
  'message.send.documents.main.exceeds.max':
    'Der kan kun tilføjes et hoveddokument.',
  'message.send.documents.files.required':
    'Der skal tilføjes minimum en fil til et dokument.',
  'message.send.documents.files.content.required':
    'Der skal tilføjes indhold til filen {0}.',
  'systemFetch.organisationId.notNull':
    'Organisationens id skal udfyldes',
  'systemFetch.contactPointId.notNull':
    'Kontaktpunkt id skal udfyldes',
  'systemFetch.systemFetchStatusType.invalid':
    'Status typen må kun sættes til STOPPED',
  'systemFetch.currently-running':
    'Systemafhentning er i gang for postkassen',
  'systemFetch.organisationId.notFound':
    'Organisationen kan ikke findes.',
  'systemFetch.organisationId.invalid':
    'Organisation matcher ikke postkassen. Postkassse CVR:{0}. Organisation CVR: {1}".',
  'systemFetch.organisationId.changed':
    'Organisationen kan ikke skiftes.',
  'systemFetch.systemId.notFound':
    'Systemet kan ikke findes.',
  'systemFetch.systemId.inactive':
    'Systemet er ikke aktivt.',
  'systemFetch.systemId.invalid':
    'Systemet er ikke et modtagersystem.',
  'systemFetch.systemId.not.default':
    'Systemet er ikke angivet som værende det primære modtagersystem.',
  'systemFetch.contactPointId.notFound':
    'Kontaktpunktet kan ikke findes.',
  'systemFetch.contactPointId.inactive':
    'Kontaktpunktet er ikke aktivt.',
  'systemFetch.contactPointId.changed':
    'Kontaktpunktet kan ikke skiftes på kørende Systemafhentning. Stop og start ny.',
  'systemFetch.systemFetchStatusType.cannotStop':
    'En FINISHED systemafhentning kan ikke stoppes.',
  'memo.infected':
    'Virus detekteret i et bilag',
  'recipient.not.found':
    'Ukendt modtager',
  'memo.invalid':
    'Intern fejl',
  'recipient.is.closed':
    'Modtageren kan ikke modtage digital post',
  'recipient.is.exempt':
    'Modtageren er fritaget',
  'recipient.contact.point.not.allowed.for.id.type':
    'Kontaktpunkt kan ikke angives for denne modtager',
  'recipient.mailbox.and.default.recipient.system.not.found':
    'Modtageren kan ikke findex.',
  'sender.not.found':
    'Afsenderen (dig) kan ikke findes i systemet.',
  'html.validator.rejected':
    'Filen {0} kunne ikke genkendes som et gyldigt html-dokument',
  'html.validator.rejected.comments':
    'Filen {0} indeholder kommentarer. Kommentarer er ikke tilladt.',
  'html.validator.rejected.element':
    'Filen {0} indeholder element "{1}", som enten ikke tilladt eller som indeholder data, der ikke er tilladt.',
  'html.validator.rejected.element.attributes':
    'Filen {0} indeholder element "{1}" med attribut "{2}", der enten ikke er tilladt attribut, eller som indeholder data, der ikke er tilladt.',
  'html.validator.rejected.unknown-element':
    'Filen {0} indeholder url i en ikke godkendt placering. Det er sandsynligvis i en style attribut. Kun data url\'er er tilladt.',
  'danish.mobile.number.invalid':
    '"{0}" er ugyldigt dansk mobilnummer',
  'danish.mobile.number.needed':
    'Dansk mobilnummer er påkrævet',
  'exemption.end.update.not.allowed':
    'Opdatering af fritagelses slutdato er ikke tilladt',
  'exemption.start.invalid':
    'Ugyldig startdato for fritagelse',
  'exemption.after.voluntary.registration.not.allowed':
    'Det er ikke tilladt at fritage sig selv efter frivillig tilmelding',
  'invalid.exemption.start.or.end':
    'Fritagelses start- og sluttidspunkt må ikke sættes',
  'id.not.exist':
    'ID findes ikke',
  'registration.status.needed':
    'Registreringsstatus er påkrævet',
  'type.wrong':
    '"{0}" er den forkerte type',
  'type.update.not.allowed':
    'Typeopdatering er ikke tilladt',
  'changed.date.update.not.allowed':
    'Opdatering at status.changedDate er ikke tilladt',
  'access.denied':
    'Adgang nægtet',
  'terms.id.missing':
    'Ingen vilkår accepteret',
  'terms.id.invalid':
    'Ugyldige vilkår accepteret',
  'removal.of.confirmedDateTime.not.allowed':
    'Det er ikke tilladt at fjerne en nemSMS bekræftelse',
  'new.confirmedDateTime.must.be.after.old.confirmedDateTime':
    'En ny bekræftelse: {0} skal være nyere end den foregående: {1}',
  'confirmedDateTime.can.not.be.in.the.future':
    'Bekræftelse ugyldig:{0} en bekræftelse kan ikke være i fremtiden',
  'cannot.confirm.nem.sms.for.nonexistent.verification':
    'NemSMS nummeret skal verificeres før det kan bekræftes',
  'terms.type.missing':
    'Type for vilkår mangler at bliver angivet',
  'terms.version.missing':
    'Vilkårs version skal angives',
  'voluntary.registration.status.closed':
    'Frivillig registrering ikke tilladt for lukkede kontakter',
  'voluntary.registration.age':
    'Frivillig registrering ikke tilladt for borgere under 15',
  'voluntary.registration.eligible':
    'Frivillig registrering kun tilladt for borgere som er berettiget til frivilig registrering',
  'voluntary.registration.active':
    'Frivillig registrering kan ikke udføres for allerede registreret borger',
  'clientdetails.clientSecretRequired.mandatory':
    'Hemmelighed er påkrævet for klienter!',
  'clientdetails.clientsecret.invalid':
    'Den givne hemmelighed er ugyldig',
  'clientdetails.clientsecret.mangled':
    'Den angivne hemmelighed matcher delvist den eksisterende hemmelighed! Dette skyldes enten den nye hemmelighed ligner den gamle for meget, eller input er beskadiget pga. manglende håndtering af specialtegn.',
  'grantee.identity.group.immutable':
    'Gruppe reference er uforanderlig',
  'grantee.identity.group.invalid':
    'Invalid gruppe reference',
  'grantee.identity.group.required':
    'Gruppe reference er påkrævet',
  'grantee.identity.group.default.immutable':
    'DEFAULT-gruppe er uforanderlig',
  'grantee.identity.invalid':
    'Invalid reference til identitet',
  'grantee.identity.required':
    'Reference til identitet er påkrævet',
  'grantee.issuer.invalid':
    'Udstedende identitet er ugyldig',
  'grantee.issuer.required':
    'Udstedende identitet er påkrævet',
  'identifier.empty':
    'Minimum én identifikator er påkrævet',
  'identifier.type.empty':
    'Type er påkrævet',
  'identifier.type.invalid':
    'Type er ugyldig',
  'identifier.type.unambiguous.constraint.violation':
    'Utvetydige type(r): {0} overtræder maximum antal: 1 for én identitet',
  'identifier.value.empty':
    'Værdien er påkrævet',
  'identifier.value.invalid':
    'Værdien er ugyldig',
  'identity.citizenName.invalid':
    'Person navn er ugyldig',
  'identity.invalid':
    'Invalid identitet',
  'identity.parent.id.invalid':
    'Forældrereference er ugyldig',
  'identity.parent.type.invalid':
    'Forældretype er ugyldig',
  'identity.parent.employee.invalid':
    'Forældre CVR og medarbejder RID kombination er ugyldig',
  'identity.type.empty':
    'Type er påkrævet',
  'identity.type.invalid':
    'Type er ugyldig',
  'identity.email.invalid':
    'E-mailen er ugyldig',
  'identity.email.empty':
    'Identiteten har ikke registeret en e-mail som kan verificeres',
  'identityGroup.issuer.invalid':
    'Udstedende identitet er ugyldig',
  'identityGroup.issuer.required':
    'Udstedende identitet er påkrævet',
  'identityGroup.name.required':
    'Navn er påkrævet',
  'identityGroup.owner.invalid':
    'Ejer er ugyldig',
  'identityGroup.owner.required':
    'Ejer er påkrævet',
  'identityGroup.type.invalid':
    'Type er ugyldig',
  'identityPrivilege.delegated.type.update.not.allowed':
    'Delegeret privilegie understøtter ikke manuel redigering',
  'identityPrivilege.group.immutable':
    'Gruppe reference er uforanderlig',
  'identityPrivilege.group.invalid':
    'Gruppe er ugyldig',
  'identityPrivilege.group.required':
    'Gruppe er påkrævet',
  'grantee.identity.group.parent.invalid':
    'Gruppe skal have fælles parent ejer med parent-privilegiets gruppe',
  'identityPrivilege.issuer.invalid':
    'Udstedende identitet er ugyldig',
  'identityPrivilege.issuer.required':
    'Udstedende identitet er påkrævet',
  'identityPrivilege.parent.id.invalid':
    'Forældrereference er ugyldig',
  'identityPrivilege.parent.scope.invalid':
    'Forældreafgrænsning afviger fra afgrænsning',
  'identityPrivilege.parent.source.invalid':
    'Forældrekilde afviger fra kilde',
  'identityPrivilege.parent.type.invalid':
    'Forældretype afviger fra type',
  'identityPrivilege.scope.invalid':
    'Identitetsreference er ugyldig for privilegiets afgrænsning',
  'identityPrivilege.scope.required':
    'Identitetsreference er påkrævet for privilegiets afgrænsning',
  'identityPrivilege.source.appointed.invalid':
    'Kilde APPOINTED må ikke kombineres med parentPrivilegeId',
  'identityPrivilege.source.invalid':
    'Kilde er ugyldig',
  'identityPrivilege.source.required':
    'Kilde er påkrævet',
  'identityPrivilege.type.invalid':
    'Type er ugyldig',
  'identityPrivilege.type.required':
    'Type er påkrævet',
  'identityPrivilege.type.invalid.scope.power-of-attorney':
    'Modtager af ægte fuldmagt kan både være borger og virksomhed',
  'identityPrivilege.type.feature.disabled.full-power-of-attorney':
    'Fuld adgang er ikke slået til',
  'identityPrivilege.type.invalid.grantee.full-power-of-attorney':
    'Adgangshaver af fuld adgang kan kun være en borger eller virksomhed',
  'identityPrivilege.type.invalid.type':
    'Adgangsgiver kan højst have 10 læse- eller fulde adgange',
  'identity.subscription.confirmationTime.removal.not.allowed':
    'Bekræftelsestidspunkt må ikke fjernes',
  'identity.subscription.confirmationTime.must.be.more.recent':
    'Bekræftelsestidspunkt skal være nyere end det eksisterende',
  'identity.subscription.confirmationTime.cannot.confirm.unverified.email':
    'Verifikation skal gennemføres før e-mailadressen kan bekræftes igen',
  'directPrivilege.grantee.scope.invalid':
    'Modtager (grantee) skal være forskellig fra afgrænsning (scope)',
  'directPrivilege.grantee.invalid':
    'Modtager (grantee) er ugyldig',
  'directPrivilege.grantee.required':
    'Modtager (grantee) er påkrævet',
  'directPrivilege.grantee.parent.invalid':
    'Modtager (grantee) skal have fælles parent med parent-privilegiets grantee',
  'ulkDirectPrivileges.list.maxBulkSize.exceed':
    'Antallet af direkte privilegier for masseopdatering overstiger det tilladte maksimum: {0}',
  'identity.privilege.bulk.query.maxSize.exceeded':
    'Antallet af IDer overstiger det tilladte maksimum: {0}.',
  'verification.max.attempts':
    'Det maksimale antal forsøg er overskredet.',
  'verification.validity.exceeded':
    'PIN er udløbet.',
  'verification.pin.invalid':
    'Ugyldig PIN',
  'verification.pin.is.present.for.non.verifying.state':
    'Verifikations pinkode må kun være til stede for verifying tilstand',
  'verification.not.in.verifying.state':
    'Nuværende verifikation er ikke i verificerings-tilstand',
  'verification.state.invalid':
    'Tilstanden på verifikationen er ugyldig',
  'verification.channel.null.or.blank':
    'Værdien skal være udfyldt',
  'verification.channelType.null.or.unknown':
    'Værdien skal være udfyldt',
  'verification.identityId.null':
    'Værdien skal være udfyldt',
  'verification.already.exists':
    'Verifikation findes allerede',
  'verification.is.not.verified':
    'Verifikation er ikke i verificerings-tilstand',
  'verification.linkToken.can.be.only.present.for.mobile':
    'Link verifikationsflow kan kun startes for mobil tilmelding',
  'verification.linkToken.is.present.for.non.verifying.state':
    'Link token må kun være til stede for "verifying" tilstand',
  'verification.invalid.linkToken':
    'Token må ikke være tom',
  'verification.invalid.flowType':
    'Den angivne type af flow er udyldig',
  'verification.link.token.cannot.be.present.for.pin.flow':
    'Verifikations link ikke tilladt i pin verificerings flow',
  'verification.pin.cannot.be.present.for.link.flow':
    'Verifikations pin ikke tilladt i link verificerings flow',
  'contact.id.duplicated':
    'Contact\'en findes allerede i abonnement',
  'contact.id.invalid':
    'Kontakt id må ikke være blankt',
  'url.invalid':
    'Notifikationsadressen er ikke en gyldig URL',
  'cvr.duplicated':
    'Et eller flere CVR nummer optræder flere gange',
  'cvr.invalid':
    'CVR nummeret er ugyldigt',
  'activefrom.needed.when.activeto.stated':
    '"aktiv fra" er påkrævet når "aktiv til" er angivet',
  'activefrom.invalid':
    '"Aktiv fra skal være før {0}"',
  'activefrom.required':
    '"Aktiv fra skal angives"',
  'activeto.not.allowed':
    '"Et standard modtagersystem kan ikke inaktiveres, og derfor kan aktiv til ikke angives."',
  'activeto.invalid':
    '{0} er ikke før {1}',
  'active.invalid':
    '"Kontakt punktet kan ikke være aktivt da dets associerede modtager system ikke er aktivt."',
  'cvr.number.not.exist':
    '"CVR {0} does not exist"',
  'active.period.invalid':
    '{0, choice, 1#Det følgende systems aktive periode sammenfalder |1< De følgende systemers aktive periode sammenfalder}:{1} kun {2, choice, 1#1 aktivt modtager system|1<{1, number, integer}aktive modtager systemer} er tilladt',
  'authority.type.not.allowed':
    'Kun myndigheder må have en myndigheds type',
  'authority.type.invalid':
    '"{0}" er en ugyldig myndigheds type',
  'contact.groups.circular.dependencies':
    'Kontakt grupper må ikke have cirkulær afhængighed',
  'cvr.number.invalid':
    '"{0}" er et ugyldigt CVR nummer',
  'delegated.cvr.does.not.exist':
    'Fuldmagt kan ikke gives til et cvr-nummer der ikke findes',
  'danish.phone.number.needed':
    'Dansk mobilnummer er påkrævet',
  'delegated.cvr.cannot.equal.owner.organization.cvr':
    'Et system kan kun deleges til et andet CVR nummer end den organisation som systemet tilhører',
  'danish.phone.number.invalid':
    '"{0}" er et ugyldigt dansk mobilnummer',
  'email.address.needed':
    'Email er påkrævet',
  'email.address.invalid':
    '"{0}" er ugyldig email',
  'externalLink.invalid':
    '"{0}" er et ugyldig URL',
  'externalLinkText.needed':
    'Eksternt link tekst påkrævet',
  'endpoint.is.invalid':
    '"{0}" er et ugyldigt endepunkt',
  'endpointCertificateType.is.invalid':
    '"{0}" er en ugyldigt certifikattype',
  'field.value.is.needed':
    'Værdi påkrævet',
  'field.ip.range.not.singular':
    'Når en IP addresseinterval angives må kun ét element angives',
  'cannot.parse.ip':
    'Kan ikke læse IP addresse',
  'cannot.parse.ip.range':
    'Kan ikke læse IP addresseinterval',
  'ip.list.too.big':
    'For mange IP addresser angivet (over "{0}")',
  'ip.list.not.unique':
    'En eller flere IP addresser er ikke unikke',
  'invalid.ip.range.size':
    'Mængden af IP addresser i addresseintervallet er for stor (over "{0}")',
  'invalid.parent.group':
    'Gruppen du forsøger at ligge "{0}" under er en ugyldig gruppe',
  'invalid.system.type.delegated.cvr':
    '"Only a sender / receiver system can be able to be delegated to another CVR number"',
  'oces.public.certificate.validation.failed':
    'Det uploadede certifikat fejlede valideringen med kode: {0}',
  'oces.public.certificate.not.foces.or.voces':
    'Det uploadede certifikat med subject serial number {0} er ikke et funktions- eller virksomhedscertifikat',
  'oces.public.certificate.not.issued.by.nets':
    'Det uploadede certifikat er ikke signeret med NETS rodcertifikat',
  'oces.public.certificate.could.not.be.parsed':
    'Det uploadede certifikat kunne ikke læses, er det et gyldigt certifikat?',
  'nets.root.cert.not.found':
    'Kunne ikke finde NETS rod certifikat, kan ikke validere uploadede certifikat',
  'ssh.public.key.too.large':
    'Den uploadede fil er for stor',
  'ssh.public.key.missing':
    'Den uploadede fil er tom',
  'organisation.type.invalid':
    '"{0}" er en ugyldig organisations type',
  'receiptEndpoint.is.invalid':
    '"{0}" er et ugyldigt kvitterings-endepunkt',
  'sender.system.endpoint.is.not.null':
    'Afsendersystemer kan ikke have et endepunkt',
  'system.memoTransitionDateTime.is.before.use':
    'Modtagersystemer kan ikke have et overgangstidspunkt før {0}, da den nye MeMo version ikke er i brug',
  'system.memoTransitionDateTime.is.after.expiration':
    'Modtagersystemer kan ikke have et overgangstidspunkt efter {0}, da den nye MeMo version skal bruges',
  'recipient.system.receipt.endpoint.not.null':
    'Modtagersystemer kan ikke have et kvitterings-endepunkt',
  'service.protocol.invalid.for.attaching.certificates':
    'Et system med service protokol {0} kan ikke have et tilknyttet certifikat',
  'service.protocol.invalid.for.attaching.ssh-keys':
    'Et system med service protokol {0} kan ikke have en tilknyttet ssh-key',
  'service.protocol.invalid.for.system.type':
    'Et system med typen "{0}" kan ikke have service protokollen "{1}"',
  'service.protocol.not.supported':
    '"{0}" er ikke en understøttet service protokol',
  'technical.contact.required.for.standard.system.template':
    'Teknisk kontaktperson skal udfyldes',
  'service.protocol.sft.missing.ip':
    'IP er påkrævet ved brug af service protokollen SFTP',
  'targets.type.needed':
    'Målgruppe er påkrævet',
  'logo.organisationType.invalid':
    'Logo er kun tilladt for myndigheder',
  'logo.contentType.invalid':
    '"{0}" er ikke en understøttet filtype. Tilladt type er "image/png". Sørg for at filen ender på .png.',
  'logo.fileSize.invalid':
    'Filstørrelsen på {0} bytes skal være mellem {1} og {2} bytes',
  'logo.dimensions.invalid':
    'Filens dimensioner skal være kvadratiske og minimum {0}px, {1}px',
  'logo.file.invalid':
    'Filen kan ikke læses. Fejl: {0}',
  'receiptEndpoint.not.empty':
    'Modtagersystemer med service protokol REST_PULL kan ikke have et kvitterings-endepunkt',
  'endpoint.not.null':
    'Modtagersystemer med service protokol REST_PULL kan ikke have et endepunkt',
  'code.version.is.needed':
    'Klassifikations version skal angives for kontakt punkt med kode type: {0}',
  'contact.point.code.type.exist':
    'Kode typen: {0}, eksisterer allerede for dette kontakt punkt',
  'contact.point.code.type.custom.limit.exceeded':
    'Det er ikke tilladt at have {0} af kontakt punkt kode typen CUSTOM',
  'system.api.token.renew.not.allowed':
    'Systemer med et certifikat må ikke opdatere deres API Token',
  'contact.group.delete.subgroup.exists':
    'Kontaktgruppen kan ikke slettes, da den har undergrupper',
  'contact.group.delete.related.contact.point.exists':
    'Kontaktgruppen kan ikke slettes, da den har et eller flere kontaktpunker hørende til gruppen',
  'system.has.contact.point':
    'System id: {0} har kontaktpunkt tilknyttet: {1}',
  'notification.email.standard.system.inheritance.property.is.null':
    'Ikke valgt',
  'notification.email.standard.system.closed.subject':
    'Orientering om inaktiv systemleverandør',
  'notification.email.standard.system.closed.content.system.type.is.default.recipient.and.sender':
    'Det betyder, at jeres aktive primærsystem \'\'{0}\'\' ikke vil blive vedligeholdt. I kan dermed risikere, at systemet på et tidspunkt ikke længere kan sende og modtage jeres post korrekt.',
  'notification.email.standard.system.closed.content.system.type.is.recipient.and.sender':
    'Det betyder, at jeres aktive system \'\'{0}\'\' ikke vil blive vedligeholdt. I kan dermed risikere, at systemet på et tidspunkt ikke længere kan sende og modtage jeres post korrekt',
  'notification.email.standard.system.closed.content.system.type.is.default.recipient':
    'Det betyder, at jeres aktive primærsystem \'\'{0}\'\' ikke vil blive vedligeholdt. I kan dermed risikere, at systemet på et tidspunkt ikke længere kan modtage jeres post korrekt.',
  'notification.email.standard.system.closed.content.system.type.is.recipient':
    'Det betyder, at jeres aktive system \'\'{0}\'\' ikke vil blive vedligeholdt. I kan dermed risikere, at systemet på et tidspunkt ikke længere kan modtage jeres post korrekt.',
  'notification.email.standard.system.closed.content.system.type.is.sender':
    'Det betyder, at jeres aktive system \'\'{0}\'\' ikke vil blive vedligeholdt. I kan dermed risikere, at systemet på et tidspunkt ikke længere kan sende jeres post korrekt.',
  'field.update.not.allowed':
    'Dette felt må ikke opdateres',
  'identity.does.not.exist':
    'Den angivne identitet findes ikke',
  'value.is.not.a.rrggbb.value':
    'Den angivne værdi er ikke på formatet "#rrggbb", eksempelvis #0fab88',
  'value.is.not.a.rgba.value':
    'Den angivne værdi er ikke ordentligt json objekt med nøglerne \'red\', \'green\', \'blue\', \'alpha\', og værdi mellem 0 og 1',
  'value.is.between.zero.and.one':
    'Den angive værdi er ikke mellem 0 og 1 (inklusiv)',
} as const;

export type DpErrorCode = keyof typeof DP_ERROR_MESSAGES;

/** Shown when a code is not in §13.4.1 (new server codes must still give the user Danish text). */
export const DP_GENERIC_ERROR_MESSAGE = 'Der opstod en ukendt fejl.';

export const isDpErrorCode = (code: string): code is DpErrorCode => Object.prototype.hasOwnProperty.call(DP_ERROR_MESSAGES, code);

/** The Danish message for `code` with `{0}`, `{1}` … filled in from `args` (missing args keep their placeholder). */
export function dpErrorMessage(code: DpErrorCode | string, ...args: (string | number)[]): string {
  if (!isDpErrorCode(code)) return DP_GENERIC_ERROR_MESSAGE;
  return formatMessage(DP_ERROR_MESSAGES[code], args);
}

/** A `fieldErrors[]` entry for `code`, message already formatted. */
export function dpFieldError(
  code: DpErrorCode | string,
  options: { resource?: string; field?: string; rejectedValue?: unknown; args?: (string | number)[] } = {},
): FieldError {
  const error: FieldError = { code, message: dpErrorMessage(code, ...(options.args ?? [])) };
  if (options.resource !== undefined) error.resource = options.resource;
  if (options.field !== undefined) error.field = options.field;
  if (options.rejectedValue !== undefined) error.rejectedValue = options.rejectedValue;
  return error;
}
