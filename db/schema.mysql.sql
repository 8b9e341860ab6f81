CREATE TABLE IF NOT EXISTS `__EFMigrationsHistory` (
    `MigrationId` varchar(150) CHARACTER SET utf8mb4 NOT NULL,
    `ProductVersion` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
    CONSTRAINT `PK___EFMigrationsHistory` PRIMARY KEY (`MigrationId`)
) CHARACTER SET=utf8mb4;

START TRANSACTION;
DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    ALTER DATABASE CHARACTER SET utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE TABLE `audit_records` (
        `Id` bigint NOT NULL AUTO_INCREMENT,
        `AtUtc` datetime(6) NOT NULL,
        `Actor` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `ActorRole` varchar(16) CHARACTER SET utf8mb4 NULL,
        `EntityType` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `EntityId` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `Action` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Before` longtext CHARACTER SET utf8mb4 NULL,
        `After` longtext CHARACTER SET utf8mb4 NULL,
        `CorrelationId` varchar(64) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_audit_records` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE TABLE `OpenIddictApplications` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `ApplicationType` varchar(50) CHARACTER SET utf8mb4 NULL,
        `ClientId` varchar(100) CHARACTER SET utf8mb4 NULL,
        `ClientSecret` longtext CHARACTER SET utf8mb4 NULL,
        `ClientType` varchar(50) CHARACTER SET utf8mb4 NULL,
        `ConcurrencyToken` varchar(50) CHARACTER SET utf8mb4 NULL,
        `ConsentType` varchar(50) CHARACTER SET utf8mb4 NULL,
        `DisplayName` longtext CHARACTER SET utf8mb4 NULL,
        `DisplayNames` longtext CHARACTER SET utf8mb4 NULL,
        `JsonWebKeySet` longtext CHARACTER SET utf8mb4 NULL,
        `Permissions` longtext CHARACTER SET utf8mb4 NULL,
        `PostLogoutRedirectUris` longtext CHARACTER SET utf8mb4 NULL,
        `Properties` longtext CHARACTER SET utf8mb4 NULL,
        `RedirectUris` longtext CHARACTER SET utf8mb4 NULL,
        `Requirements` longtext CHARACTER SET utf8mb4 NULL,
        `Settings` longtext CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_OpenIddictApplications` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE TABLE `OpenIddictScopes` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `ConcurrencyToken` varchar(50) CHARACTER SET utf8mb4 NULL,
        `Description` longtext CHARACTER SET utf8mb4 NULL,
        `Descriptions` longtext CHARACTER SET utf8mb4 NULL,
        `DisplayName` longtext CHARACTER SET utf8mb4 NULL,
        `DisplayNames` longtext CHARACTER SET utf8mb4 NULL,
        `Name` varchar(200) CHARACTER SET utf8mb4 NULL,
        `Properties` longtext CHARACTER SET utf8mb4 NULL,
        `Resources` longtext CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_OpenIddictScopes` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE TABLE `staff_users` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `UserName` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `DisplayName` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Role` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `PasswordHash` varchar(256) CHARACTER SET utf8mb4 NOT NULL,
        `IsActive` tinyint(1) NOT NULL,
        `FailedSignIns` int NOT NULL,
        `LockedUntilUtc` datetime(6) NULL,
        `CreatedUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_staff_users` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE TABLE `OpenIddictAuthorizations` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `ApplicationId` char(36) COLLATE ascii_general_ci NULL,
        `ConcurrencyToken` varchar(50) CHARACTER SET utf8mb4 NULL,
        `CreationDate` datetime(6) NULL,
        `Properties` longtext CHARACTER SET utf8mb4 NULL,
        `Scopes` longtext CHARACTER SET utf8mb4 NULL,
        `Status` varchar(50) CHARACTER SET utf8mb4 NULL,
        `Subject` varchar(400) CHARACTER SET utf8mb4 NULL,
        `Type` varchar(50) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_OpenIddictAuthorizations` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId` FOREIGN KEY (`ApplicationId`) REFERENCES `OpenIddictApplications` (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE TABLE `OpenIddictTokens` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `ApplicationId` char(36) COLLATE ascii_general_ci NULL,
        `AuthorizationId` char(36) COLLATE ascii_general_ci NULL,
        `ConcurrencyToken` varchar(50) CHARACTER SET utf8mb4 NULL,
        `CreationDate` datetime(6) NULL,
        `ExpirationDate` datetime(6) NULL,
        `Payload` longtext CHARACTER SET utf8mb4 NULL,
        `Properties` longtext CHARACTER SET utf8mb4 NULL,
        `RedemptionDate` datetime(6) NULL,
        `ReferenceId` varchar(100) CHARACTER SET utf8mb4 NULL,
        `Status` varchar(50) CHARACTER SET utf8mb4 NULL,
        `Subject` varchar(400) CHARACTER SET utf8mb4 NULL,
        `Type` varchar(150) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_OpenIddictTokens` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_OpenIddictTokens_OpenIddictApplications_ApplicationId` FOREIGN KEY (`ApplicationId`) REFERENCES `OpenIddictApplications` (`Id`),
        CONSTRAINT `FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId` FOREIGN KEY (`AuthorizationId`) REFERENCES `OpenIddictAuthorizations` (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE INDEX `IX_audit_records_AtUtc` ON `audit_records` (`AtUtc`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE INDEX `IX_audit_records_EntityType_EntityId` ON `audit_records` (`EntityType`, `EntityId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE UNIQUE INDEX `IX_OpenIddictApplications_ClientId` ON `OpenIddictApplications` (`ClientId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE INDEX `IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type` ON `OpenIddictAuthorizations` (`ApplicationId`, `Status`, `Subject`, `Type`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE UNIQUE INDEX `IX_OpenIddictScopes_Name` ON `OpenIddictScopes` (`Name`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE INDEX `IX_OpenIddictTokens_ApplicationId_Status_Subject_Type` ON `OpenIddictTokens` (`ApplicationId`, `Status`, `Subject`, `Type`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE INDEX `IX_OpenIddictTokens_AuthorizationId` ON `OpenIddictTokens` (`AuthorizationId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE UNIQUE INDEX `IX_OpenIddictTokens_ReferenceId` ON `OpenIddictTokens` (`ReferenceId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    CREATE UNIQUE INDEX `IX_staff_users_UserName` ON `staff_users` (`UserName`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261126233433_Initial') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261126233433_Initial', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `journal_entries` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `Number` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Date` date NOT NULL,
        `Period` int NOT NULL,
        `Description` varchar(200) CHARACTER SET utf8mb4 NOT NULL,
        `SourceType` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `SourceId` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `ReversesEntryId` char(36) COLLATE ascii_general_ci NULL,
        `CorrectsPeriod` int NULL,
        `PostedUtc` datetime(6) NOT NULL,
        `PostedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_journal_entries` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_journal_entries_journal_entries_ReversesEntryId` FOREIGN KEY (`ReversesEntryId`) REFERENCES `journal_entries` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `journal_sequences` (
        `Year` int NOT NULL,
        `Next` int NOT NULL,
        CONSTRAINT `PK_journal_sequences` PRIMARY KEY (`Year`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `ledger_accounts` (
        `Code` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Type` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_ledger_accounts` PRIMARY KEY (`Code`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `ledger_periods` (
        `Period` int NOT NULL,
        `IsClosed` tinyint(1) NOT NULL,
        `ClosedUtc` datetime(6) NULL,
        `ClosedBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_ledger_periods` PRIMARY KEY (`Period`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `townships` (
        `Code` varchar(12) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `RuralPopulation` int NOT NULL,
        CONSTRAINT `PK_townships` PRIMARY KEY (`Code`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `journal_lines` (
        `EntryId` char(36) COLLATE ascii_general_ci NOT NULL,
        `LineNo` int NOT NULL,
        `AccountCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Debit` decimal(18,2) NOT NULL,
        `Credit` decimal(18,2) NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NULL,
        `Date` date NOT NULL,
        `Period` int NOT NULL,
        CONSTRAINT `PK_journal_lines` PRIMARY KEY (`EntryId`, `LineNo`),
        CONSTRAINT `FK_journal_lines_journal_entries_EntryId` FOREIGN KEY (`EntryId`) REFERENCES `journal_entries` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_journal_lines_ledger_accounts_AccountCode` FOREIGN KEY (`AccountCode`) REFERENCES `ledger_accounts` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE TABLE `villages` (
        `Code` varchar(12) CHARACTER SET utf8mb4 NOT NULL,
        `TownshipCode` varchar(12) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_villages` PRIMARY KEY (`Code`),
        CONSTRAINT `FK_villages_townships_TownshipCode` FOREIGN KEY (`TownshipCode`) REFERENCES `townships` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE UNIQUE INDEX `IX_journal_entries_Number` ON `journal_entries` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE INDEX `IX_journal_entries_Period_Date` ON `journal_entries` (`Period`, `Date`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE UNIQUE INDEX `IX_journal_entries_ReversesEntryId` ON `journal_entries` (`ReversesEntryId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE INDEX `IX_journal_entries_SourceType_SourceId` ON `journal_entries` (`SourceType`, `SourceId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE INDEX `IX_journal_lines_AccountCode_Date_Debit_Credit` ON `journal_lines` (`AccountCode`, `Date`, `Debit`, `Credit`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE INDEX `IX_journal_lines_FacilityCode_Period` ON `journal_lines` (`FacilityCode`, `Period`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    CREATE UNIQUE INDEX `IX_villages_TownshipCode_Name` ON `villages` (`TownshipCode`, `Name`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000012_LedgerAndGeography') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127000012_LedgerAndGeography', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000609_Policy') THEN

    CREATE TABLE `catalogue_items` (
        `Code` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `Category` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `SelfPayShare` decimal(9,6) NOT NULL,
        CONSTRAINT `PK_catalogue_items` PRIMARY KEY (`Code`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000609_Policy') THEN

    CREATE TABLE `fund_year_policies` (
        `FundYear` int NOT NULL,
        `Version` int NOT NULL,
        `EffectiveFrom` date NOT NULL,
        `IndividualContribution` decimal(18,2) NOT NULL,
        `SubsidyCentral` decimal(18,2) NOT NULL,
        `SubsidyProvince` decimal(18,2) NOT NULL,
        `SubsidyCounty` decimal(18,2) NOT NULL,
        `RiskReserveShare` decimal(9,6) NOT NULL,
        `ClaimDeadlineDays` int NOT NULL,
        `InpatientAnnualCap` decimal(18,2) NOT NULL,
        `NoReferralReduction` decimal(9,6) NOT NULL,
        `InpatientRulesJson` varchar(8000) CHARACTER SET utf8mb4 NOT NULL,
        `OutpatientRulesJson` varchar(8000) CHARACTER SET utf8mb4 NOT NULL,
        `ChangedUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_fund_year_policies` PRIMARY KEY (`FundYear`, `Version`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127000609_Policy') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127000609_Policy', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127001252_LedgerReportsAndAuditChain') THEN

    ALTER TABLE `audit_records` ADD `Hash` varchar(64) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127001252_LedgerReportsAndAuditChain') THEN

    ALTER TABLE `audit_records` ADD `Seq` bigint NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127001252_LedgerReportsAndAuditChain') THEN

    CREATE TABLE `audit_chain_heads` (
        `Id` int NOT NULL,
        `Seq` bigint NOT NULL,
        `Hash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_audit_chain_heads` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127001252_LedgerReportsAndAuditChain') THEN

    CREATE TABLE `period_balances` (
        `Period` int NOT NULL,
        `AccountCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Debit` decimal(20,2) NOT NULL,
        `Credit` decimal(20,2) NOT NULL,
        CONSTRAINT `PK_period_balances` PRIMARY KEY (`Period`, `AccountCode`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127001252_LedgerReportsAndAuditChain') THEN

    CREATE UNIQUE INDEX `IX_audit_records_Seq` ON `audit_records` (`Seq`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127001252_LedgerReportsAndAuditChain') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127001252_LedgerReportsAndAuditChain', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127002406_NumberSequences') THEN

    DROP TABLE `journal_sequences`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127002406_NumberSequences') THEN

    CREATE TABLE `number_sequences` (
        `Name` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Year` int NOT NULL,
        `Next` bigint NOT NULL,
        CONSTRAINT `PK_number_sequences` PRIMARY KEY (`Name`, `Year`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127002406_NumberSequences') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127002406_NumberSequences', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `facilities` (
        `Code` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Level` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Ownership` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `TownshipCode` varchar(12) CHARACTER SET utf8mb4 NOT NULL,
        `VillageCode` varchar(12) CHARACTER SET utf8mb4 NULL,
        `LicenceNumber` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `BankName` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `BankAccount` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `HeadName` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Phone` varchar(20) CHARACTER SET utf8mb4 NOT NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Version` int NOT NULL,
        `CreatedUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_facilities` PRIMARY KEY (`Code`),
        CONSTRAINT `FK_facilities_townships_TownshipCode` FOREIGN KEY (`TownshipCode`) REFERENCES `townships` (`Code`) ON DELETE RESTRICT,
        CONSTRAINT `FK_facilities_villages_VillageCode` FOREIGN KEY (`VillageCode`) REFERENCES `villages` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `responsibility_duties` (
        `Number` int NOT NULL,
        `Title` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Description` varchar(500) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_responsibility_duties` PRIMARY KEY (`Number`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `facility_admissions` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `DecidedOn` date NOT NULL,
        `LicensedDoctors` int NOT NULL,
        `LicenceValidUntil` date NOT NULL,
        `OpenedOn` date NOT NULL,
        `HasInformationSystem` tinyint(1) NOT NULL,
        `PublishesPrices` tinyint(1) NOT NULL,
        `NoSeriousViolations` tinyint(1) NOT NULL,
        `Conditions` longtext CHARACTER SET utf8mb4 NOT NULL,
        `Admitted` tinyint(1) NOT NULL,
        `Note` varchar(500) CHARACTER SET utf8mb4 NULL,
        `DecidedUtc` datetime(6) NOT NULL,
        `DecidedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_facility_admissions` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_facility_admissions_facilities_FacilityCode` FOREIGN KEY (`FacilityCode`) REFERENCES `facilities` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `facility_contracts` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Number` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `TermStart` date NOT NULL,
        `TermEnd` date NOT NULL,
        `SignedOn` date NOT NULL,
        `BureauSignatory` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `FacilitySignatory` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Duties` longtext CHARACTER SET utf8mb4 NOT NULL,
        `TerminatedOn` date NULL,
        `TerminationReason` varchar(200) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_facility_contracts` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_facility_contracts_facilities_FacilityCode` FOREIGN KEY (`FacilityCode`) REFERENCES `facilities` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `facility_status_changes` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `From` varchar(32) CHARACTER SET utf8mb4 NULL,
        `To` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Reason` varchar(200) CHARACTER SET utf8mb4 NOT NULL,
        `AtUtc` datetime(6) NOT NULL,
        `By` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_facility_status_changes` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_facility_status_changes_facilities_FacilityCode` FOREIGN KEY (`FacilityCode`) REFERENCES `facilities` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `facility_inspections` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `ContractId` char(36) COLLATE ascii_general_ci NOT NULL,
        `InspectedOn` date NOT NULL,
        `Inspectors` varchar(200) CHARACTER SET utf8mb4 NOT NULL,
        `Summary` varchar(1000) CHARACTER SET utf8mb4 NULL,
        `RecordedUtc` datetime(6) NOT NULL,
        `RecordedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_facility_inspections` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_facility_inspections_facilities_FacilityCode` FOREIGN KEY (`FacilityCode`) REFERENCES `facilities` (`Code`) ON DELETE RESTRICT,
        CONSTRAINT `FK_facility_inspections_facility_contracts_ContractId` FOREIGN KEY (`ContractId`) REFERENCES `facility_contracts` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE TABLE `inspection_findings` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `InspectionId` char(36) COLLATE ascii_general_ci NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `ContractId` char(36) COLLATE ascii_general_ci NOT NULL,
        `InspectedOn` date NOT NULL,
        `DutyNumber` int NOT NULL,
        `Description` varchar(500) CHARACTER SET utf8mb4 NOT NULL,
        `Warning` tinyint(1) NOT NULL,
        `Penalty` decimal(18,2) NOT NULL,
        `Suspends` tinyint(1) NOT NULL,
        `PenaltyEntryId` char(36) COLLATE ascii_general_ci NULL,
        `CorrectedOn` date NULL,
        `CorrectionNote` varchar(500) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_inspection_findings` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_inspection_findings_facility_contracts_ContractId` FOREIGN KEY (`ContractId`) REFERENCES `facility_contracts` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_inspection_findings_facility_inspections_InspectionId` FOREIGN KEY (`InspectionId`) REFERENCES `facility_inspections` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE UNIQUE INDEX `IX_facilities_LicenceNumber` ON `facilities` (`LicenceNumber`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facilities_Status_Level` ON `facilities` (`Status`, `Level`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facilities_TownshipCode` ON `facilities` (`TownshipCode`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facilities_VillageCode` ON `facilities` (`VillageCode`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facility_admissions_FacilityCode_DecidedOn` ON `facility_admissions` (`FacilityCode`, `DecidedOn`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE UNIQUE INDEX `IX_facility_contracts_FacilityCode_TermStart` ON `facility_contracts` (`FacilityCode`, `TermStart`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE UNIQUE INDEX `IX_facility_contracts_Number` ON `facility_contracts` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facility_inspections_ContractId` ON `facility_inspections` (`ContractId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facility_inspections_FacilityCode_InspectedOn` ON `facility_inspections` (`FacilityCode`, `InspectedOn`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_facility_status_changes_FacilityCode_AtUtc` ON `facility_status_changes` (`FacilityCode`, `AtUtc`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_inspection_findings_ContractId` ON `inspection_findings` (`ContractId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_inspection_findings_FacilityCode_ContractId` ON `inspection_findings` (`FacilityCode`, `ContractId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    CREATE INDEX `IX_inspection_findings_InspectionId` ON `inspection_findings` (`InspectionId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127003811_Facilities') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127003811_Facilities', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `claims` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `Number` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Channel` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NULL,
        `FacilityName` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `FacilityLevel` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `InvoiceKey` varchar(180) CHARACTER SET utf8mb4 NULL,
        `InvoiceNumber` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `PersonId` char(36) COLLATE ascii_general_ci NOT NULL,
        `IdNumber` varchar(18) CHARACTER SET utf8mb4 NOT NULL,
        `PatientName` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `EnrollmentId` char(36) COLLATE ascii_general_ci NOT NULL,
        `FundYear` int NOT NULL,
        `VisitType` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `AdmissionDate` date NOT NULL,
        `DischargeDate` date NOT NULL,
        `DiagnosisCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Referred` tinyint(1) NOT NULL,
        `SubmittedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `SubmittedUtc` datetime(6) NOT NULL,
        `IdempotencyKey` varchar(100) CHARACTER SET utf8mb4 NULL,
        `RequestHash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `ProvidedDocuments` varchar(200) CHARACTER SET utf8mb4 NOT NULL,
        `PolicyVersion` int NULL,
        `Total` decimal(18,2) NOT NULL,
        `Eligible` decimal(18,2) NOT NULL,
        `Reimbursement` decimal(18,2) NOT NULL,
        `PatientShare` decimal(18,2) NOT NULL,
        `SettlementJson` varchar(4000) CHARACTER SET utf8mb4 NULL,
        `SettledUtc` datetime(6) NULL,
        `Flags` varchar(100) CHARACTER SET utf8mb4 NULL,
        `SettlementEntryId` char(36) COLLATE ascii_general_ci NULL,
        `ReversalEntryId` char(36) COLLATE ascii_general_ci NULL,
        `PaymentEntryId` char(36) COLLATE ascii_general_ci NULL,
        `PaymentMethod` varchar(32) CHARACTER SET utf8mb4 NULL,
        `PaymentAccount` varchar(64) CHARACTER SET utf8mb4 NULL,
        `PaidUtc` datetime(6) NULL,
        `ReviewNote` varchar(500) CHARACTER SET utf8mb4 NULL,
        `ReviewedBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_claims` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `persons` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `IdNumber` varchar(18) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Gender` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `BirthDate` date NOT NULL,
        `Category` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `StatusSince` date NULL,
        `RegisteredUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_persons` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `receipt_sequences` (
        `Year` int NOT NULL,
        `Next` bigint NOT NULL,
        CONSTRAINT `PK_receipt_sequences` PRIMARY KEY (`Year`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `claim_lines` (
        `ClaimId` char(36) COLLATE ascii_general_ci NOT NULL,
        `LineNo` int NOT NULL,
        `Code` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `Quantity` decimal(12,3) NULL,
        `UnitPrice` decimal(18,4) NULL,
        `Amount` decimal(18,2) NOT NULL,
        `CatalogueStatus` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `SelfPayShare` decimal(9,6) NOT NULL,
        CONSTRAINT `PK_claim_lines` PRIMARY KEY (`ClaimId`, `LineNo`),
        CONSTRAINT `FK_claim_lines_claims_ClaimId` FOREIGN KEY (`ClaimId`) REFERENCES `claims` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `claim_status_changes` (
        `ClaimId` char(36) COLLATE ascii_general_ci NOT NULL,
        `Seq` int NOT NULL,
        `From` varchar(32) CHARACTER SET utf8mb4 NULL,
        `To` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `AtUtc` datetime(6) NOT NULL,
        `By` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `Note` varchar(500) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_claim_status_changes` PRIMARY KEY (`ClaimId`, `Seq`),
        CONSTRAINT `FK_claim_status_changes_claims_ClaimId` FOREIGN KEY (`ClaimId`) REFERENCES `claims` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `households` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `CardNumber` varchar(20) CHARACTER SET utf8mb4 NOT NULL,
        `HeadPersonId` char(36) COLLATE ascii_general_ci NOT NULL,
        `TownshipCode` varchar(12) CHARACTER SET utf8mb4 NOT NULL,
        `VillageCode` varchar(12) CHARACTER SET utf8mb4 NOT NULL,
        `Address` varchar(200) CHARACTER SET utf8mb4 NULL,
        `RegisteredUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_households` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_households_persons_HeadPersonId` FOREIGN KEY (`HeadPersonId`) REFERENCES `persons` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_households_townships_TownshipCode` FOREIGN KEY (`TownshipCode`) REFERENCES `townships` (`Code`) ON DELETE RESTRICT,
        CONSTRAINT `FK_households_villages_VillageCode` FOREIGN KEY (`VillageCode`) REFERENCES `villages` (`Code`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `memberships` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `PersonId` char(36) COLLATE ascii_general_ci NOT NULL,
        `HouseholdId` char(36) COLLATE ascii_general_ci NOT NULL,
        `Relationship` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `From` date NOT NULL,
        `To` date NULL,
        CONSTRAINT `PK_memberships` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_memberships_households_HouseholdId` FOREIGN KEY (`HouseholdId`) REFERENCES `households` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_memberships_persons_PersonId` FOREIGN KEY (`PersonId`) REFERENCES `persons` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `receipts` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `Number` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `FundYear` int NOT NULL,
        `HouseholdId` char(36) COLLATE ascii_general_ci NOT NULL,
        `IssuedOn` date NOT NULL,
        `PersonCount` int NOT NULL,
        `IndividualAmount` decimal(18,2) NOT NULL,
        `CivilAffairsAmount` decimal(18,2) NOT NULL,
        `PolicyVersion` int NOT NULL,
        `JournalEntryId` char(36) COLLATE ascii_general_ci NULL,
        `IssuedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `IssuedUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_receipts` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_receipts_households_HouseholdId` FOREIGN KEY (`HouseholdId`) REFERENCES `households` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_receipts_journal_entries_JournalEntryId` FOREIGN KEY (`JournalEntryId`) REFERENCES `journal_entries` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE TABLE `enrollments` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `PersonId` char(36) COLLATE ascii_general_ci NOT NULL,
        `FundYear` int NOT NULL,
        `HouseholdId` char(36) COLLATE ascii_general_ci NOT NULL,
        `EnrolledOn` date NOT NULL,
        `ReceiptId` char(36) COLLATE ascii_general_ci NOT NULL,
        `PaidBy` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Contribution` decimal(18,2) NOT NULL,
        `PolicyVersion` int NOT NULL,
        `InpatientPaid` decimal(18,2) NOT NULL,
        `OutpatientPaid` decimal(18,2) NOT NULL,
        CONSTRAINT `PK_enrollments` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_enrollments_households_HouseholdId` FOREIGN KEY (`HouseholdId`) REFERENCES `households` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_enrollments_persons_PersonId` FOREIGN KEY (`PersonId`) REFERENCES `persons` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_enrollments_receipts_ReceiptId` FOREIGN KEY (`ReceiptId`) REFERENCES `receipts` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_claims_DischargeDate` ON `claims` (`DischargeDate`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_claims_FacilityCode_DischargeDate` ON `claims` (`FacilityCode`, `DischargeDate`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_claims_InvoiceKey` ON `claims` (`InvoiceKey`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_claims_Number` ON `claims` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_claims_PersonId_VisitType_DischargeDate` ON `claims` (`PersonId`, `VisitType`, `DischargeDate`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_claims_Status_DischargeDate` ON `claims` (`Status`, `DischargeDate`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_claims_SubmittedBy_IdempotencyKey` ON `claims` (`SubmittedBy`, `IdempotencyKey`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_enrollments_FundYear_HouseholdId` ON `enrollments` (`FundYear`, `HouseholdId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_enrollments_HouseholdId` ON `enrollments` (`HouseholdId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_enrollments_PersonId_FundYear` ON `enrollments` (`PersonId`, `FundYear`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_enrollments_ReceiptId` ON `enrollments` (`ReceiptId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_households_CardNumber` ON `households` (`CardNumber`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_households_HeadPersonId` ON `households` (`HeadPersonId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_households_TownshipCode` ON `households` (`TownshipCode`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_households_VillageCode` ON `households` (`VillageCode`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_memberships_HouseholdId_To` ON `memberships` (`HouseholdId`, `To`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_memberships_PersonId_To` ON `memberships` (`PersonId`, `To`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_persons_IdNumber` ON `persons` (`IdNumber`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_persons_Name` ON `persons` (`Name`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_receipts_HouseholdId_FundYear` ON `receipts` (`HouseholdId`, `FundYear`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE INDEX `IX_receipts_JournalEntryId` ON `receipts` (`JournalEntryId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    CREATE UNIQUE INDEX `IX_receipts_Number` ON `receipts` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127005846_EnrollmentAndClaims') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127005846_EnrollmentAndClaims', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127012122_EnrollmentIndexes') THEN

    ALTER TABLE `receipts` MODIFY COLUMN `Number` varchar(16) CHARACTER SET ascii NOT NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127012122_EnrollmentIndexes') THEN

    ALTER TABLE `persons` MODIFY COLUMN `IdNumber` varchar(18) CHARACTER SET ascii NOT NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127012122_EnrollmentIndexes') THEN

    ALTER TABLE `households` MODIFY COLUMN `CardNumber` varchar(20) CHARACTER SET ascii NOT NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127012122_EnrollmentIndexes') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127012122_EnrollmentIndexes', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    CREATE TABLE `complaints` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `Number` varchar(20) CHARACTER SET utf8mb4 NOT NULL,
        `Category` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Subject` varchar(64) CHARACTER SET utf8mb4 NULL,
        `Content` varchar(2000) CHARACTER SET utf8mb4 NOT NULL,
        `ContactName` varchar(32) CHARACTER SET utf8mb4 NULL,
        `ContactPhone` varchar(20) CHARACTER SET utf8mb4 NULL,
        `LookupCodeHash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `FiledUtc` datetime(6) NOT NULL,
        `FiledOn` date NOT NULL,
        `Deadline` date NOT NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Assignee` varchar(64) CHARACTER SET utf8mb4 NULL,
        `Answer` varchar(2000) CHARACTER SET utf8mb4 NULL,
        `AnsweredUtc` datetime(6) NULL,
        `AnsweredOn` date NULL,
        `AnsweredBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        `ClosedUtc` datetime(6) NULL,
        `Version` int NOT NULL,
        CONSTRAINT `PK_complaints` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    CREATE TABLE `complaint_status_changes` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `ComplaintId` char(36) COLLATE ascii_general_ci NOT NULL,
        `From` varchar(32) CHARACTER SET utf8mb4 NULL,
        `To` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Note` varchar(200) CHARACTER SET utf8mb4 NULL,
        `AtUtc` datetime(6) NOT NULL,
        `By` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_complaint_status_changes` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_complaint_status_changes_complaints_ComplaintId` FOREIGN KEY (`ComplaintId`) REFERENCES `complaints` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    CREATE INDEX `IX_complaint_status_changes_ComplaintId_AtUtc` ON `complaint_status_changes` (`ComplaintId`, `AtUtc`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    CREATE INDEX `IX_complaints_FiledUtc` ON `complaints` (`FiledUtc`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    CREATE UNIQUE INDEX `IX_complaints_Number` ON `complaints` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    CREATE INDEX `IX_complaints_Status_Deadline` ON `complaints` (`Status`, `Deadline`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127023623_Complaints') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127023623_Complaints', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127030818_Disclosures') THEN

    CREATE TABLE `monthly_disclosures` (
        `Month` varchar(7) CHARACTER SET utf8mb4 NOT NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `ContentJson` longtext CHARACTER SET utf8mb4 NOT NULL,
        `ContentHash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `InpatientClaimIds` longtext CHARACTER SET utf8mb4 NOT NULL,
        `InpatientRows` int NOT NULL,
        `OutpatientVisits` int NOT NULL,
        `FundPaid` decimal(18,2) NOT NULL,
        `PreparedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `PreparedUtc` datetime(6) NOT NULL,
        `ReviewedBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        `ReviewedUtc` datetime(6) NULL,
        `ReviewNote` varchar(500) CHARACTER SET utf8mb4 NULL,
        `PublishedBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        `PublishedUtc` datetime(6) NULL,
        CONSTRAINT `PK_monthly_disclosures` PRIMARY KEY (`Month`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127030818_Disclosures') THEN

    CREATE TABLE `published_disclosures` (
        `Month` varchar(7) CHARACTER SET utf8mb4 NOT NULL,
        `ContentJson` longtext CHARACTER SET utf8mb4 NOT NULL,
        `ContentHash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `InpatientClaimIds` longtext CHARACTER SET utf8mb4 NOT NULL,
        `InpatientRows` int NOT NULL,
        `FundPaid` decimal(18,2) NOT NULL,
        `PublishedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `PublishedUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_published_disclosures` PRIMARY KEY (`Month`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127030818_Disclosures') THEN

    CREATE INDEX `IX_claims_SettledUtc` ON `claims` (`SettledUtc`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127030818_Disclosures') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127030818_Disclosures', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127080336_FoldReceiptSequences') THEN

    INSERT INTO `number_sequences` (`Name`, `Year`, `Next`)
    SELECT 'receipt', `Year`, `Next` FROM `receipt_sequences`
    ON DUPLICATE KEY UPDATE `Next` = GREATEST(`number_sequences`.`Next`, VALUES(`Next`));

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127080336_FoldReceiptSequences') THEN

    DROP TABLE `receipt_sequences`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261127080336_FoldReceiptSequences') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261127080336_FoldReceiptSequences', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` MODIFY COLUMN `Flags` varchar(200) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` ADD `BillKey` varchar(180) CHARACTER SET utf8mb4 NOT NULL DEFAULT '';

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` ADD `RecoveredUtc` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` ADD `RecoveryAmount` decimal(18,2) NOT NULL DEFAULT 0.0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` ADD `RecoveryEntryId` char(36) COLLATE ascii_general_ci NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` ADD `RecoveryKind` varchar(32) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    ALTER TABLE `claims` ADD `Version` int NOT NULL DEFAULT 0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    UPDATE claims c SET c.Total = (SELECT COALESCE(SUM(l.Amount), 0) FROM claim_lines l WHERE l.ClaimId = c.Id) WHERE c.SettledUtc IS NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    CREATE INDEX `IX_claims_BillKey` ON `claims` (`BillKey`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    CREATE INDEX `IX_claims_PersonId_AdmissionDate` ON `claims` (`PersonId`, `AdmissionDate`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201093316_ClaimIntegrity') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261201093316_ClaimIntegrity', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201102646_FundBooks') THEN

    ALTER TABLE `journal_entries` ADD `IdempotencyKey` varchar(100) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201102646_FundBooks') THEN

    ALTER TABLE `journal_entries` ADD `LineCount` int NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201102646_FundBooks') THEN

    ALTER TABLE `journal_entries` ADD `RequestHash` varchar(64) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201102646_FundBooks') THEN

    CREATE UNIQUE INDEX `IX_journal_entries_PostedBy_IdempotencyKey` ON `journal_entries` (`PostedBy`, `IdempotencyKey`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201102646_FundBooks') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261201102646_FundBooks', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201110803_AuditKeys') THEN

    ALTER TABLE `audit_records` ADD `KeyId` longtext CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201110803_AuditKeys') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261201110803_AuditKeys', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201124722_AccountLocks') THEN

    CREATE TABLE `account_locks` (
        `Account` varchar(160) CHARACTER SET utf8mb4 NOT NULL,
        `FailedAttempts` int NOT NULL,
        `LockedUntilUtc` datetime(6) NULL,
        `LastFailureUtc` datetime(6) NULL,
        CONSTRAINT `PK_account_locks` PRIMARY KEY (`Account`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201124722_AccountLocks') THEN

    INSERT INTO account_locks (Account, FailedAttempts, LockedUntilUtc) SELECT CONCAT('staff:', `UserName`), FailedSignIns, LockedUntilUtc FROM staff_users WHERE FailedSignIns > 0 OR LockedUntilUtc IS NOT NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201124722_AccountLocks') THEN

    ALTER TABLE `staff_users` DROP COLUMN `FailedSignIns`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201124722_AccountLocks') THEN

    ALTER TABLE `staff_users` DROP COLUMN `LockedUntilUtc`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201124722_AccountLocks') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261201124722_AccountLocks', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `fund_year_policies` ADD `BenefitRulesJson` longtext CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `fund_year_policies` ADD `PayerRulesJson` longtext CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `enrollments` ADD `UsageJson` varchar(2000) CHARACTER SET ascii NOT NULL DEFAULT '{}';

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` MODIFY COLUMN `SettlementJson` longtext CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` ADD `AssistancePaid` decimal(18,2) NOT NULL DEFAULT 0.0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` ADD `Benefit` varchar(32) CHARACTER SET utf8mb4 NOT NULL DEFAULT '';

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` ADD `BenefitGroup` varchar(16) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` ADD `CatastrophicBase` decimal(18,2) NOT NULL DEFAULT 0.0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` ADD `CatastrophicPaid` decimal(18,2) NOT NULL DEFAULT 0.0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `claims` ADD `ReferralFiling` varchar(32) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    CREATE TABLE `disease_certifications` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `Number` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `PersonId` char(36) COLLATE ascii_general_ci NOT NULL,
        `DiseaseCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `DiseaseName` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `GroupCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `FacilityCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `ValidFrom` date NOT NULL,
        `ValidTo` date NOT NULL,
        `CertifiedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `CertifiedUtc` datetime(6) NOT NULL,
        `EndedOn` date NULL,
        `EndedBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        `EndedUtc` datetime(6) NULL,
        `EndReason` varchar(500) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_disease_certifications` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_disease_certifications_persons_PersonId` FOREIGN KEY (`PersonId`) REFERENCES `persons` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    CREATE TABLE `referral_filings` (
        `Id` char(36) COLLATE ascii_general_ci NOT NULL,
        `Number` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `PersonId` char(36) COLLATE ascii_general_ci NOT NULL,
        `DiagnosisCode` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Destination` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `DestinationKey` varchar(180) CHARACTER SET utf8mb4 NOT NULL,
        `ValidFrom` date NOT NULL,
        `ValidTo` date NOT NULL,
        `ApprovedBy` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `FiledOn` date NOT NULL,
        `FiledUtc` datetime(6) NOT NULL,
        `EndedOn` date NULL,
        `EndedBy` varchar(128) CHARACTER SET utf8mb4 NULL,
        `EndedUtc` datetime(6) NULL,
        `EndReason` varchar(500) CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_referral_filings` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_referral_filings_persons_PersonId` FOREIGN KEY (`PersonId`) REFERENCES `persons` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    CREATE UNIQUE INDEX `IX_disease_certifications_Number` ON `disease_certifications` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    CREATE INDEX `IX_disease_certifications_PersonId` ON `disease_certifications` (`PersonId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    CREATE UNIQUE INDEX `IX_referral_filings_Number` ON `referral_filings` (`Number`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    CREATE INDEX `IX_referral_filings_PersonId` ON `referral_filings` (`PersonId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    UPDATE enrollments SET UsageJson = CONCAT('{', CONCAT_WS(',', IF(InpatientPaid <> 0, CONCAT('"inpatient":', CAST(InpatientPaid AS CHAR)), NULL), IF(OutpatientPaid <> 0, CONCAT('"outpatient":', CAST(OutpatientPaid AS CHAR)), NULL)), '}') WHERE InpatientPaid <> 0 OR OutpatientPaid <> 0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    UPDATE claims SET Benefit = VisitType;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `enrollments` DROP COLUMN `InpatientPaid`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    ALTER TABLE `enrollments` DROP COLUMN `OutpatientPaid`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261201155636_BenefitKindsAndPayers') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261201155636_BenefitKindsAndPayers', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261207013423_SealerLeaseAndAccountWindows') THEN

    ALTER TABLE `account_locks` ADD `WindowRequests` int NOT NULL DEFAULT 0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261207013423_SealerLeaseAndAccountWindows') THEN

    ALTER TABLE `account_locks` ADD `WindowStartUtc` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261207013423_SealerLeaseAndAccountWindows') THEN

    CREATE TABLE `audit_sealer_leases` (
        `Id` int NOT NULL,
        `Holder` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `ExpiresUtc` datetime(6) NOT NULL,
        CONSTRAINT `PK_audit_sealer_leases` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261207013423_SealerLeaseAndAccountWindows') THEN

    INSERT INTO `audit_sealer_leases` (`Id`, `ExpiresUtc`, `Holder`)
    VALUES (1, TIMESTAMP '2000-01-01 00:00:00', '');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261207013423_SealerLeaseAndAccountWindows') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261207013423_SealerLeaseAndAccountWindows', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

COMMIT;

