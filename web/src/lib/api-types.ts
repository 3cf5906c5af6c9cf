// Generated from the OpenAPI document by `npm run api:types` (src/cli/openapi.ts, openapi-typescript); do not edit.
// test/openapi.e2e.spec.ts fails when it no longer matches what the server serves at /api/docs-json.
export interface paths {
    "/api/analytics/rating-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 差评 整改 tickets per department: opened, closed, appeals upheld, turnaround */
        get: operations["AnalyticsController_ratingTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ratings (好差评) per department, service item or month */
        get: operations["AnalyticsController_ratings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/turnaround": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Turnaround per department, service item or month: p50/p90 working hours, overdue rates */
        get: operations["AnalyticsController_turnaround"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/history-checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a checkpoint of the history heads now (the schedule does it every HISTORY_CHECKPOINT_EVERY_SECONDS) */
        post: operations["HistoryCheckpointsController_checkpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/history-checkpoints/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify every case history against HISTORY_KEY and the signed checkpoints (reads all history: minutes on a large database) */
        get: operations["HistoryCheckpointsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/personal-data-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read which personal data, when and why (个人信息保护法); newest first, CSV (one page) with ?format=csv */
        get: operations["PersonalDataAccessController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: an access token for the account */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end the session of the refresh token; its access and refresh tokens stop working at once */
        post: operations["IdentityController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the provider sends the browser back: signs the person in (account linked or made by the ID-number claim) */
        get: operations["IdentityController_oidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start a sign-in at the province's identity provider (authorization code + PKCE): a redirect there */
        get: operations["IdentityController_oidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which sign-in methods besides the password are configured */
        get: operations["IdentityController_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token (once) for new access and refresh tokens */
        post: operations["IdentityController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a citizen: phone + SMS code, name, ID number, password (实名注册) */
        post: operations["IdentityController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sms-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a 6-digit registration code by SMS (valid 5 minutes, 5 tries) */
        post: operations["IdentityController_smsCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants, newest first; idNumber / uscc: everything one person or enterprise receives */
        get: operations["BenefitGrantsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-grants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grant and its explanation, a person's identifying facts masked */
        get: operations["BenefitGrantsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-grants/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A grant with its facts unmasked, for an admin who states why; recorded in the personal-data access log */
        post: operations["BenefitGrantsController_reveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Benefit policies (免申即享), a page at a time */
        get: operations["BenefitPoliciesController_list"];
        put?: never;
        /** Create a policy (version 1); 400 with located errors when the rule does not type-check or translate exactly to SQL */
        post: operations["BenefitPoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-policies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy with its versions */
        get: operations["BenefitPoliciesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a policy's name, department or whether it is active */
        patch: operations["BenefitPoliciesController_update"];
        trace?: never;
    };
    "/api/benefit-policies/{code}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grant runs of a policy, newest first */
        get: operations["BenefitPoliciesController_listRuns"];
        put?: never;
        /** Queue a grant run (or a dry run that only counts) over the registry as it stands now */
        post: operations["BenefitPoliciesController_startRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-policies/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new version of the rule, amount or period; grants made keep their version */
        post: operations["BenefitPoliciesController_addVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-policies/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a rule as a save would (type check against the registry, exact SQL), storing nothing: 200 { valid, errors[] located in the rule, plain } */
        post: operations["BenefitPoliciesController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants whose subjects no longer qualify after a registry change, oldest first */
        get: operations["BenefitReviewsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-reviews/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a review: keep the grant or revoke it */
        post: operations["BenefitReviewsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/benefit-runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grant run's progress and counters */
        get: operations["BenefitRunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bundles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bundles (一件事一次办) of the catalogue (public) */
        get: operations["CatalogController_bundles"];
        put?: never;
        /** Create a bundle; two items using one field name with different meanings are refused (map one away with fieldMapping) */
        post: operations["CatalogController_createBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bundles/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bundle with its merged form (public) */
        get: operations["CatalogController_bundle"];
        /** Replace a bundle's fields */
        put: operations["CatalogController_updateBundle"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/add-working-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The date a number of working days after another */
        get: operations["CalendarController_addWorkingDays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calendar's changes, newest first */
        get: operations["CalendarController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The days of a range: working or rest, and why */
        get: operations["CalendarController_days"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a local change for one day (working or rest) */
        put: operations["CalendarController_setDay"];
        post?: never;
        /** Remove one day's local change */
        delete: operations["CalendarController_removeDayOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The years whose official notice is loaded, and the provisional ones */
        get: operations["CalendarController_years"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Load a year's official holiday notice */
        put: operations["CalendarController_loadYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases, newest first: a citizen's own, a clerk's department's, every case for supervisors */
        get: operations["CasesController_list"];
        put?: never;
        /** Apply for a service item or a bundle (for yourself, or as an agent with onBehalfOf) */
        post: operations["CasesController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its history, tasks, materials and clock */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a request for corrections (补正) with the materials asked for */
        post: operations["CasesController_answerCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend both deadlines of a case (延期) by working days */
        post: operations["CasesController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/history/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a case's history chain against its seal and the latest signed checkpoint */
        get: operations["CasesController_verifyHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate a finished case (好差评), once */
        post: operations["CasesController_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an application (撤回) that is not decided yet */
        post: operations["CasesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certificates/{code}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a licence (撤销) with a reason; the holder is notified */
        post: operations["CertificatesController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certificates/{code}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a licence by its code (public) */
        get: operations["CertificatesController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitment-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 告知承诺 follow-up checks (clerks: their department; supervisors and admins: all) */
        get: operations["CommitmentChecksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitment-checks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One 告知承诺 check */
        get: operations["CommitmentChecksController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitment-checks/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a 告知承诺 check: confirmed, or a false commitment (the licence is revoked) */
        post: operations["CommitmentChecksController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counter/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 窗口代录: enter an application for a walk-in applicant, identified by ID number and name */
        post: operations["CounterController_enter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments (public) */
        get: operations["CatalogController_departments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file (a material for an application) */
        post: operations["FilesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's name, type, size and checksum */
        get: operations["FilesController_describe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's content, as an attachment */
        get: operations["FilesController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the database and the queue backend answer (public) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: id, username, roles, department, display name */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Send an admin access token, or METRICS_TOKEN as the bearer token.
         */
        get: operations["MetricsController_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authorisations you gave, with their status (active, expired, revoked) */
        get: operations["AgentsController_given"];
        put?: never;
        /** 代办授权: let another account apply on your behalf, for every item or some, until a date */
        post: operations["AgentsController_authorise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an authorisation: no new applications under it; cases already made go on */
        delete: operations["AgentsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own grants, each with its explanation */
        get: operations["BenefitGrantsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/benefits/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline one of your grants; it is not made again for its period */
        post: operations["BenefitGrantsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The enterprises you act for (legal representative or 经办人) */
        get: operations["EnterprisesController_mine"];
        put?: never;
        /** Register an enterprise account bound to its credit code, with you as its legal representative */
        post: operations["EnterprisesController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/enterprises/{id}/handlers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who acts for the enterprise (legal representative only) */
        get: operations["EnterprisesController_handlers"];
        put?: never;
        /** Authorise a 经办人 to apply for the enterprise (legal representative only) */
        post: operations["EnterprisesController_addHandler"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/enterprises/{id}/handlers/{authorisationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a 经办人's authorisation (legal representative only) */
        delete: operations["EnterprisesController_revokeHandler"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's inbox, newest first; `unread=true` for the unread notices only */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks one of the caller’s notices read (repeatable) */
        post: operations["InboxController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many notices the caller has not read (the bell) */
        get: operations["InboxController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/principals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authorisations you hold as an agent: whom you may apply for (`onBehalfOf`) */
        get: operations["AgentsController_received"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The citizen's own name, ID number and phone (or enterprise details), for pre-filling forms */
        get: operations["UsersController_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/substitute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The substitute the caller named, and the colleagues the caller stands in for */
        get: operations["SubstitutesController_get"];
        /** Name a substitute for an absence (代岗): in the window they see and work your tasks */
        put: operations["SubstitutesController_set"];
        post?: never;
        /** End the substitution */
        delete: operations["SubstitutesController_clear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SMS and e-mail that failed every attempt (`status=failed`) or wait out quiet hours (`status=held`), newest first */
        get: operations["NotificationsAdminController_attention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a failed message again: a fresh round of attempts under the same id */
        post: operations["NotificationsAdminController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/board/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Opens the queue dashboard for ten minutes: sets an HttpOnly, SameSite=Strict ticket cookie scoped to /api/operations/board
         * @description The pages then open `url` in a new tab. On Redis the board is bull-board over every queue; on the PostgreSQL queue backend (embedded, single server) it is a summary page of the counts (docs/operations.md "Queue dashboard", docs/security.md).
         */
        post: operations["OperationsController_openBoard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/failed-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs that used up their attempts, latest failure first (keyset pages) */
        get: operations["OperationsController_failedJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/failed-jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a failed job back to its queue with fresh attempts, under its own job id */
        post: operations["OperationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per queue waiting/active/delayed/failed jobs, the outbox backlog and its oldest row, pending timers */
        get: operations["OperationsController_queues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 差评 整改 tickets (supervisors: all; clerks: their own department) */
        get: operations["RatingTicketsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One 差评 整改 ticket */
        get: operations["RatingTicketsController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal a malicious rating (the department, once) */
        post: operations["RatingTicketsController_appeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets/{id}/appeal-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide an appeal (supervisor) */
        post: operations["RatingTicketsController_decideAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a rectified ticket (supervisor) */
        post: operations["RatingTicketsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets/{id}/rectify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the 整改 (rectification) */
        post: operations["RatingTicketsController_rectify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating-tickets/{id}/visit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the 回访 (follow-up visit) */
        post: operations["RatingTicketsController_visit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What imports changed in one person (idNumber) or enterprise (uscc), newest first; a person's identifying fields masked */
        get: operations["RegistryController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/enterprises/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import enterprises (upsert by uscc); bad lines are listed, good lines stored */
        post: operations["RegistryController_importEnterprises"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: its counters and the lines it refused */
        get: operations["RegistryController_getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/persons/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import persons (upsert by idNumber); bad lines are listed, good lines stored */
        post: operations["RegistryController_importPersons"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk flags (电子监察), newest first */
        get: operations["RiskFlagsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk-flags/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a flag: its escalation stops */
        post: operations["RiskFlagsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk-flags/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a flag with a comment */
        post: operations["RiskFlagsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk-monitor/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a scan at a given moment would flag (nothing is stored) */
        get: operations["RiskMonitorController_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk-monitor/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a risk scan of every open case now */
        post: operations["RiskMonitorController_scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk-monitor/scans/{scanId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One scan's progress and what it flagged */
        get: operations["RiskMonitorController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service items of the catalogue (public) */
        get: operations["CatalogController_items"];
        put?: never;
        /** Create a service item (with its 实施清单 fields: itemType, subjectTypes, legalBasis, fee, location, officeHours, consultPhone, complaintPhone, onlineDepth) */
        post: operations["CatalogController_createItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service item with its materials and form schema (public) */
        get: operations["CatalogController_item"];
        /** Replace a service item's fields; refused when its new form no longer merges into a bundle holding it */
        put: operations["CatalogController_updateItem"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's department queue, oldest deadline first */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task of the caller's department */
        get: operations["TasksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a task to a named clerk of its department (supervisor of the department, or admin) */
        post: operations["TasksController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a task for a lease (认领) */
        post: operations["TasksController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/clock/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the case clock for an expert review, hearing, inspection or testing */
        post: operations["TasksController_pauseClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/clock/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the case clock again after such a stop */
        post: operations["TasksController_resumeClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a task: accept, refuse, ask for corrections, approve, reject or transfer */
        post: operations["TasksController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a claimed task back to the queue */
        post: operations["TasksController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim, release, assign or decide many tasks, each in its own transaction */
        post: operations["TasksController_bulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each clerk of a department with the tasks they hold and how many are overdue (supervisors, admins) */
        get: operations["TasksController_workload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff accounts, a page at a time */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a staff account */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff account (roles, department, password, disabled); its sessions end */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The registered webhooks (secrets are never shown) */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Registers a system to receive case events, signed with its secret */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /** Deactivates a webhook; its deliveries stay listed */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        /** Changes the URL, events, secret or active flag */
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries to this webhook, newest first, each with its attempts */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a failed delivery again, with the same X-Ywtb-Delivery id */
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every workflow definition with its versions */
        get: operations["WorkflowsController_list"];
        put?: never;
        /** Store a definition as a new draft version */
        post: operations["WorkflowsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A definition and its versions; anonymous callers and citizens see published and superseded versions only */
        get: operations["WorkflowsController_describe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{key}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the open cases of one version to the published version by a step mapping; dryRun lists what would move and what cannot */
        post: operations["WorkflowMigrationsController_migrate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The definition document of one version; a draft only for staff (404 otherwise) */
        get: operations["WorkflowsController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{key}/versions/{version}/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The steps and transitions of one version, for drawing */
        get: operations["WorkflowsController_graph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{key}/versions/{version}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft version; the version published before is superseded */
        post: operations["WorkflowsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a definition (JSON or YAML) without storing it */
        post: operations["WorkflowsController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessPage: {
            items: components["schemas"]["AccessView"][];
            nextCursor: string | null;
        };
        AccessView: {
            /** Format: date-time */
            accessedAt: string;
            id: string;
            /**
             * @description The route that served the read
             * @example GET /api/cases/:id
             */
            purpose: string;
            /** @description The request id (X-Request-Id) of the read */
            requestId: string | null;
            /** @description true when the values were shown unmasked */
            revealed: boolean;
            /** @description The purpose the reader stated for a reveal */
            statedPurpose: string | null;
            subjectId: string;
            /** @enum {string} */
            subjectKind: "case" | "file" | "registry-person" | "benefit-grant";
            /** Format: uuid */
            userId: string;
            /** @example clerk.market-regulation */
            username: string;
        };
        AcknowledgeFlagDto: {
            /** @example 已联系窗口，今日办结 */
            comment?: string;
        };
        AnswerCorrectionDto: {
            /** @description changed form fields; the whole form is validated again */
            form?: {
                [key: string]: unknown;
            };
            materials: components["schemas"]["MaterialRefDto"][];
        };
        AssignDto: {
            /**
             * Format: uuid
             * @description an active clerk of the task’s department
             */
            userId: string;
        };
        AuthorisationList: {
            items: components["schemas"]["AuthorisationView"][];
            /** @description always null: a person authorises few agents */
            nextCursor: string | null;
        };
        AuthorisationView: {
            /** @description who applies for them */
            agent: components["schemas"]["PartyView"];
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "agent" | "legal_representative" | "handler";
            /** @description who is represented */
            principal: components["schemas"]["PartyView"];
            revokedAt: string | null;
            /** @description null: every item */
            serviceItemCodes: string[] | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @example 2027-06-30 */
            validUntil: string;
        };
        AuthoriseAgentDto: {
            /**
             * @description the account that will apply on your behalf
             * @example citizen2
             */
            agentUsername: string;
            /**
             * @description only these items; leave out for every item
             * @example [
             *       "2201-MZ-0003"
             *     ]
             */
            serviceItemCodes?: string[];
            /**
             * @description the last day (China time) the agent may apply
             * @example 2027-06-30
             */
            validUntil: string;
        };
        BoardTicketView: {
            /**
             * @description bull-board on Redis; a summary page of the counts on the PostgreSQL queue backend
             * @enum {string}
             */
            board: "bull-board" | "summary";
            /**
             * Format: date-time
             * @description when the ticket stops opening the board
             */
            expiresAt: string;
            /**
             * @description open it in the browser: the ticket cookie goes with it
             * @example /api/operations/board/
             */
            url: string;
        };
        BrokenCaseView: {
            /** @description seq of the first row at fault, or of the first one missing */
            brokenAt: number;
            /** Format: uuid */
            caseId: string;
            /** @enum {string} */
            reason: "seq_gap" | "link_broken" | "row_changed" | "unknown_key" | "unsealed_unkeyed_row" | "seal_invalid" | "rows_missing" | "head_mismatch" | "case_missing";
        };
        BulkDto: {
            /** @enum {string} */
            action: "claim" | "release" | "assign" | "decide";
            /** @description for `decide`: the decision applied to each task */
            decision?: components["schemas"]["DecisionDto"];
            /** @description at most 100 task ids, each once */
            taskIds: string[];
            /**
             * Format: uuid
             * @description for `assign`: the clerk
             */
            userId?: string;
        };
        BulkProblemView: {
            code: string;
            detail: string;
            status: number;
            title: string;
        };
        BulkResponseView: {
            /** @description one per task, in the order given */
            results: components["schemas"]["BulkResultView"][];
        };
        BulkResultView: {
            /** @description why this task was refused; the others are unaffected */
            problem?: components["schemas"]["BulkProblemView"];
            /** @enum {string} */
            status: "applied" | "refused";
            taskId: string;
        };
        BundleConflictView: {
            /** @description the bundle field */
            field: string;
            /** @description their fields behind it */
            itemFields: string[];
            /** @description the two items */
            items: string[];
            reason: string;
        };
        BundleDetailView: {
            /** @example open-restaurant */
            code: string;
            conflicts: components["schemas"]["BundleConflictView"][];
            /** @enum {string} */
            failurePolicy: "fail-bundle" | "finish-rest";
            /**
             * @description 一表申请: per item code, item field → bundle field (where items name one thing differently, or one name means two things). Checked with the merge when the bundle is saved.
             * @example {
             *       "2201-SC-0001": {
             *         "businessScope": "foodBusinessScope"
             *       }
             *     }
             */
            fieldMapping?: {
                [key: string]: {
                    [key: string]: string;
                };
            };
            /**
             * @description bundle field → the items that ask for it
             * @example {
             *       "phone": [
             *         "2201-SC-0002",
             *         "2201-SC-0001"
             *       ]
             *     }
             */
            fieldOwners: {
                [key: string]: string[];
            };
            /** @description bundle field → [{ item, field }]: which item field each owner fills from it */
            fieldSources: {
                [key: string]: Record<string, never>[];
            };
            /** @description ONE JSON Schema 2020-12 for the whole bundle; a field several items ask for appears once. Null only for a bundle stored before merging was checked whose items conflict (see conflicts). */
            formSchema: {
                [key: string]: unknown;
            } | null;
            /** @description number of fields the items ask for one by one (the merged form asks for fewer) */
            itemFieldCount: number;
            /** @example 我要开餐馆 */
            name: string;
            /**
             * @example [
             *       "2201-SC-0002",
             *       "2201-SC-0001"
             *     ]
             */
            serviceItemCodes: string[];
        };
        BundleFieldsDto: {
            /** @enum {string} */
            failurePolicy: "fail-bundle" | "finish-rest";
            /**
             * @description 一表申请: per item code, item field → bundle field (where items name one thing differently, or one name means two things). Checked with the merge when the bundle is saved.
             * @example {
             *       "2201-SC-0001": {
             *         "businessScope": "foodBusinessScope"
             *       }
             *     }
             */
            fieldMapping?: {
                [key: string]: {
                    [key: string]: string;
                };
            };
            /** @example 我要开餐馆 */
            name: string;
            /**
             * @example [
             *       "2201-SC-0002",
             *       "2201-SC-0001"
             *     ]
             */
            serviceItemCodes: string[];
        };
        BundleList: {
            items: components["schemas"]["BundleView"][];
        };
        BundleView: {
            /** @example open-restaurant */
            code: string;
            /** @enum {string} */
            failurePolicy: "fail-bundle" | "finish-rest";
            /**
             * @description 一表申请: per item code, item field → bundle field (where items name one thing differently, or one name means two things). Checked with the merge when the bundle is saved.
             * @example {
             *       "2201-SC-0001": {
             *         "businessScope": "foodBusinessScope"
             *       }
             *     }
             */
            fieldMapping?: {
                [key: string]: {
                    [key: string]: string;
                };
            };
            /** @example 我要开餐馆 */
            name: string;
            /**
             * @example [
             *       "2201-SC-0002",
             *       "2201-SC-0001"
             *     ]
             */
            serviceItemCodes: string[];
        };
        CalendarChangePage: {
            items: components["schemas"]["CalendarChangeView"][];
            nextCursor: string | null;
        };
        CalendarChangeView: {
            /** @description The admin; null for a notice loaded at start-up */
            actorId: string | null;
            /** @description The stored rows after; null when an override was removed */
            after: Record<string, never> | null;
            /** @description The stored rows before: a notice { source, days } or an override { isWorkday, note } */
            before: Record<string, never> | null;
            /** Format: date-time */
            changedAt: string;
            date: string | null;
            /** @enum {string} */
            kind: "official-year" | "override-set" | "override-removed";
            reason: string | null;
            version: number;
            year: number;
        };
        CalendarDaysView: {
            items: components["schemas"]["CalendarDayView"][];
        };
        CalendarDayView: {
            /** @example 2026-02-14 */
            date: string;
            isWorkday: boolean;
            /** @example 调休上班 */
            note: string | null;
            /** @description An admin changed this day locally; the change wins over the notice */
            overridden: boolean;
            /** @description Derived from the statutory rules: the notice for this year is not loaded yet */
            provisional: boolean;
        };
        CalendarYearsView: {
            items: components["schemas"]["OfficialYearView"][];
            /**
             * @description Years answered from the statutory rules alone, marked provisional
             * @example [
             *       2027,
             *       2028
             *     ]
             */
            provisionalYears: number[];
            /** @description The current calendar version */
            version: number;
        };
        CaseCertificateView: {
            code: string;
            /** Format: date-time */
            issuedAt: string;
            name: string;
            serviceItemCode: string;
        };
        CaseClockView: {
            extendedWorkingDays: number;
            paused: boolean;
            pausedWorkingDays: number;
            started: boolean;
        };
        CaseDeadlinesView: {
            /** Format: date-time */
            promised: string | null;
            /** @description computed on a provisional calendar year (not yet announced) */
            provisional: boolean;
            /** Format: date-time */
            statutory: string | null;
        };
        CaseMigrationResultView: {
            caseId: string;
            caseNo: string;
            /** @description the step the case is at */
            fromStep: string | null;
            /** @description why it cannot move (status refused) */
            problem?: components["schemas"]["MigrationProblemView"];
            /** @enum {string} */
            status: "moved" | "would_move" | "refused";
            /** @description the step it continues at (or would) */
            toStep: string | null;
        };
        CasePartyView: {
            id: string;
            /** @description whole to the person and to staff, masked (张*三) to others */
            name: string;
        };
        CaseRatingSummary: {
            comment: string | null;
            /** Format: date-time */
            createdAt: string;
            score: number;
        };
        CaseRatingView: {
            /** Format: uuid */
            caseId: string;
            comment: string | null;
            score: number;
        };
        /** @enum {string} */
        CaseStatus: "submitted" | "accepted" | "in_review" | "awaiting_correction" | "paused" | "approved" | "rejected" | "refused" | "withdrawn" | "completed";
        CaseSummaryPage: {
            items: components["schemas"]["CaseSummaryView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        CaseSummaryView: {
            bundleCode: string | null;
            /** @example NG2026-SC0001-000123 */
            caseNo: string;
            departmentCode: string | null;
            finishedAt: string | null;
            id: string;
            promisedDeadline: string | null;
            serviceItemCode: string | null;
            status: components["schemas"]["CaseStatus"];
            statutoryDeadline: string | null;
            /** Format: date-time */
            submittedAt: string;
        };
        CaseView: {
            /** @description who applied for them (代办), if anyone */
            agent: components["schemas"]["CasePartyView"] | null;
            /** @description whose case it is */
            applicant: components["schemas"]["CasePartyView"];
            bundleCode: string | null;
            /** @example NG2026-SC0001-000123 */
            caseNo: string;
            certificates: components["schemas"]["CaseCertificateView"][];
            /**
             * @description how it came in: online, by an agent, or entered at the counter (窗口代录)
             * @enum {string}
             */
            channel: "online" | "agent" | "counter";
            children: components["schemas"]["CaseSummaryView"][];
            clock: components["schemas"]["CaseClockView"];
            /** @description the open notice to correct (补正), if any */
            correction: components["schemas"]["CorrectionNoticeView"] | null;
            currentSteps: string[];
            deadlines: components["schemas"]["CaseDeadlinesView"];
            departmentCode: string | null;
            finishedAt: string | null;
            form: {
                [key: string]: unknown;
            };
            id: string;
            /** @description 联办: the departments of the joint step the case is at, each with its state */
            joint: components["schemas"]["JointProgressView"] | null;
            materials: components["schemas"]["MaterialRefDto"][];
            /** @description tolerated materials (容缺) still owed */
            materialsOwed: components["schemas"]["MaterialOwedView"][];
            promisedDeadline: string | null;
            /** @description once rated (好差评) */
            rating: components["schemas"]["CaseRatingSummary"] | null;
            serviceItemCode: string | null;
            status: components["schemas"]["CaseStatus"];
            statutoryDeadline: string | null;
            /** Format: date-time */
            submittedAt: string;
            timeline: components["schemas"]["TimelineEntryView"][];
            /** @description the definition the case runs on (kept when newer versions are published) */
            workflow: components["schemas"]["CaseWorkflowRef"] | null;
        };
        CaseWorkflowRef: {
            key: string;
            version: number;
        };
        CertificateVerification: {
            /** @example 7K3M-Q9TX-2HVB-8RWE */
            code: string;
            /**
             * @description masked
             * @example 220***********1231
             */
            holderIdentifier: string | null;
            /**
             * @description enterprise when the applicant is one or acted for one
             * @enum {string}
             */
            holderKind: "person" | "enterprise";
            /**
             * @description a person's name masked; an enterprise's whole (it is public)
             * @example 张*
             */
            holderName: string;
            /** Format: date-time */
            issuedAt: string;
            /** @example 食品经营许可证 */
            name: string;
            /** @description why it was revoked */
            reason: string | null;
            /** @description 撤销: when the licence was revoked */
            revokedAt: string | null;
            serviceItemCode: string;
            valid: boolean;
            validUntil: string | null;
        };
        ChainVerificationView: {
            /** @description seq of the first row at fault, or of the first one missing */
            brokenAt?: number;
            /** @enum {string} */
            reason?: "seq_gap" | "link_broken" | "row_changed" | "unknown_key" | "unsealed_unkeyed_row" | "seal_invalid" | "rows_missing" | "head_mismatch";
            /** @description the rows are unchanged, linked, keyed with HISTORY_KEY (or sealed before it), and reach the head the case and the latest checkpoint name */
            valid: boolean;
        };
        ChangePage: {
            items: components["schemas"]["ChangeView"][];
            nextCursor: string | null;
        };
        ChangeView: {
            /** Format: date-time */
            changedAt: string;
            /**
             * @description `{ field: { old, new } }` for an update; null for a created record. A person's name, ID number, phone and birth date are masked
             * @example {
             *       "monthlyIncome": {
             *         "old": 2350,
             *         "new": 4100
             *       }
             *     }
             */
            changes: {
                [key: string]: unknown;
            } | null;
            id: string;
            /** Format: uuid */
            importId: string;
            /** @enum {string} */
            kind: "created" | "updated";
            /** @description The registry id of the person or enterprise */
            subjectId: string;
            /** @enum {string} */
            subjectType: "person" | "enterprise";
        };
        CheckpointStatusView: {
            /** Format: date-time */
            at: string;
            /** @description the first checkpoint whose signature, heads, number or link to its predecessor does not verify */
            firstInvalid?: number;
            /** @description cases whose history head is under a signed checkpoint */
            heads: number;
            /** @description id of the key that signed the latest checkpoint */
            keyId: string;
            /** @description the latest checkpoint: 1, 2, 3, … */
            number: number;
            /** @description its Ed25519 public key (raw 32 bytes, base64): enough for an auditor to check the signatures */
            publicKey: string;
            /** @description every checkpoint is signed by a known HISTORY_SIGNING_KEY, over its heads and its predecessor, numbered without gaps */
            signatureValid: boolean;
        };
        CheckpointTakenView: {
            /** Format: date-time */
            at: string;
            /** @description case heads signed: those that changed since the previous checkpoint */
            heads: number;
            number: number;
            /** @description cases whose history does not verify: their last signed head stays the one checked against */
            refused: number;
        };
        ClerkWorkloadView: {
            /** @description away now, with a substitute (代岗) */
            absent: boolean;
            /** @description tasks the clerk holds now (claimed or assigned) */
            claimed: number;
            displayName: string;
            /** @description of those, past their due time */
            overdue: number;
            userId: string;
            username: string;
        };
        ColleagueView: {
            displayName: string;
            id: string;
        };
        CommitmentCheckDecisionDto: {
            /**
             * @description what was found; required for false_commitment (the revocation reason)
             * @example 现场核查：疏散通道被占用，消防设施与承诺不符
             */
            note?: string;
            /**
             * @description confirmed: the premises are as committed (the check closes); false_commitment: the licence is revoked
             * @enum {string}
             */
            outcome: "confirmed" | "false_commitment";
        };
        CommitmentCheckPage: {
            items: components["schemas"]["CommitmentCheckView"][];
            nextCursor: string | null;
        };
        CommitmentCheckView: {
            caseId: string;
            caseNo: string;
            decidedAt: string | null;
            decidedByName: string | null;
            departmentCode: string;
            /**
             * @description the China date by which the check is due
             * @example 2026-12-31
             */
            dueDate: string;
            id: string;
            note: string | null;
            /** Format: date-time */
            openedAt: string;
            /** @description still open after its due date */
            overdue: boolean;
            /** @description licences revoked because the commitment was false */
            revokedCertificates: string[];
            serviceItemCode: string;
            /** @enum {string} */
            status: "open" | "confirmed" | "false_commitment";
        };
        CorrectionItemView: {
            /** @description the department that asked */
            department: string;
            /** @description the material or form field to correct */
            key: string;
            reason: string;
        };
        CorrectionNoticeView: {
            items: components["schemas"]["CorrectionItemView"][];
            round: number;
        };
        CounterCaseDto: {
            applicant: components["schemas"]["WalkInApplicantDto"];
            /** @description the item's form */
            form: {
                [key: string]: unknown;
            };
            /** @description files the clerk scanned and uploaded (POST /api/files) */
            materials: components["schemas"]["MaterialRefDto"][];
            /** @example 2201-MZ-0003 */
            serviceItemCode: string;
        };
        CounterCaseView: {
            /** @description true when no account existed: one was reserved, which the person takes over by registering (or signing in through the provider) with the same ID number */
            accountReserved: boolean;
            /** @description the applicant's account id */
            applicantId: string;
            caseNo: string;
            /** @enum {string} */
            channel: "counter";
            id: string;
            status: string;
        };
        CreateBundleDto: {
            /** @example open-restaurant */
            code: string;
            /** @enum {string} */
            failurePolicy: "fail-bundle" | "finish-rest";
            /**
             * @description 一表申请: per item code, item field → bundle field (where items name one thing differently, or one name means two things). Checked with the merge when the bundle is saved.
             * @example {
             *       "2201-SC-0001": {
             *         "businessScope": "foodBusinessScope"
             *       }
             *     }
             */
            fieldMapping?: {
                [key: string]: {
                    [key: string]: string;
                };
            };
            /** @example 我要开餐馆 */
            name: string;
            /**
             * @example [
             *       "2201-SC-0002",
             *       "2201-SC-0001"
             *     ]
             */
            serviceItemCodes: string[];
        };
        CreatePolicyDto: {
            /**
             * @description Yuan per period, at most two decimals
             * @example 100
             */
            amount: number;
            /**
             * @description Stable identifier: letters, digits, dot, dash, underscore
             * @example elderly-allowance-80
             */
            code: string;
            /**
             * @description Whose clerks review subjects who stop qualifying
             * @example civil-affairs
             */
            departmentCode?: string | null;
            /** @example 高龄津贴（80周岁以上） */
            name: string;
            /**
             * @description Grants are unique per policy, subject and period
             * @example monthly
             * @enum {string}
             */
            period: "monthly" | "quarterly" | "yearly" | "once";
            /**
             * @description CEL over `person` or `enterprise` (API.md, "Proactive benefits"); must translate exactly to SQL
             * @example person.age >= 80 && person.hukouDistrict == '南关区'
             */
            rule: string;
            /**
             * @example person
             * @enum {string}
             */
            subjectType: "person" | "enterprise";
        };
        CreatePolicyVersionDto: {
            /**
             * @description Yuan per period, at most two decimals
             * @example 100
             */
            amount: number;
            /** @example 高龄津贴（80周岁以上） */
            name: string;
            /**
             * @description Grants are unique per policy, subject and period
             * @example monthly
             * @enum {string}
             */
            period: "monthly" | "quarterly" | "yearly" | "once";
            /**
             * @description CEL over `person` or `enterprise` (API.md, "Proactive benefits"); must translate exactly to SQL
             * @example person.age >= 80 && person.hukouDistrict == '南关区'
             */
            rule: string;
        };
        CreateServiceItemDto: {
            /** @example 2201-SC-0001 */
            code: string;
            /**
             * @description 告知承诺: a case a rule approves on the applicant’s commitment gets a follow-up check by the department due this many working days later; null or absent: no check
             * @example 20
             */
            commitmentCheckDays?: number | null;
            /**
             * @description 监督投诉电话
             * @example 12315
             */
            complaintPhone: string;
            /**
             * @description 咨询电话
             * @example 12345
             */
            consultPhone: string;
            /** @example market-regulation */
            departmentCode: string;
            /** @description 收费 */
            fee: components["schemas"]["FeeDto"];
            /** @description JSON Schema 2020-12 of the form; every property has examples */
            formSchema: {
                [key: string]: unknown;
            };
            /**
             * @description 事项类型: instant 即办件 | promised 承诺件
             * @enum {string}
             */
            itemType: "instant" | "promised";
            /**
             * @description 设定依据: each a law or regulation in 《》 and its article
             * @example [
             *       "《中华人民共和国食品安全法》第三十五条"
             *     ]
             */
            legalBasis: string[];
            /**
             * @description 办理地点
             * @example 长春市南关区政务服务中心市场监督管理局窗口
             */
            location: string;
            materials: components["schemas"]["MaterialDto"][];
            /** @example 食品经营许可证核发 */
            name: string;
            /**
             * @description 办公时间
             * @example 工作日 8:30—11:30，13:00—17:00（法定节假日除外）
             */
            officeHours: string;
            /**
             * @description 网办深度: information 一级 | online-prereview 二级 网上预审 | online-acceptance 三级 网上受理 | fully-online 四级 全程网办
             * @enum {string}
             */
            onlineDepth: "information" | "online-prereview" | "online-acceptance" | "fully-online";
            /**
             * @description 承诺时限, working days (≤ statutoryDays)
             * @example 10
             */
            promisedDays: number;
            /**
             * @description 法定时限, working days
             * @example 20
             */
            statutoryDays: number;
            /** @description 服务对象 */
            subjectTypes: ("person" | "enterprise")[];
            /** @example food-business-license */
            workflowKey: string;
        };
        CreateUserDto: {
            /** @example health */
            departmentCode?: string | null;
            /** @example 王芳 */
            displayName: string;
            /**
             * @description Set only; never read back
             * @example A-long-passphrase-2026
             */
            password: string;
            /**
             * @example [
             *       "clerk"
             *     ]
             */
            roles: ("citizen" | "clerk" | "supervisor" | "admin")[];
            /** @example clerk.health.2 */
            username: string;
        };
        CreateWebhookDto: {
            events: ("case.submitted" | "case.status_changed" | "case.finished" | "certificate.issued" | "grant.created")[];
            /** @description Signs every delivery (X-Ywtb-Signature); at least 16 characters; never shown again */
            secret: string;
            /**
             * @description http(s); loopback and private addresses are refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true
             * @example https://zwfw.jl.gov.cn/hooks/ywtb
             */
            url: string;
        };
        DayChangeView: {
            /** @example 2026-02-14 */
            date: string;
            isWorkday: boolean;
            /** @example 调休上班 */
            note: string | null;
            /** @description An admin changed this day locally; the change wins over the notice */
            overridden: boolean;
            /** @description Derived from the statutory rules: the notice for this year is not loaded yet */
            provisional: boolean;
            /** @description Open cases whose deadlines were recomputed */
            recomputedCases: number;
            /** @description The calendar version this change created */
            version: number;
        };
        DecisionDto: {
            /** @enum {string} */
            action: "accept" | "refuse" | "correction" | "approve" | "reject" | "transfer";
            comment?: string;
            /** @description for `correction`: everything missing, at once (一次性告知) */
            missing?: components["schemas"]["MissingItemDto"][];
            /** @description for `transfer` */
            toDepartmentCode?: string;
        };
        DecisionResultView: {
            caseId: string;
            status: string;
        };
        DefinitionErrorView: {
            /** @example definition.unknown_target */
            code: string;
            message: string;
            /** @example $.steps[3].outcomes.approve */
            path: string;
        };
        DeliveryAttemptView: {
            /** Format: date-time */
            at: string;
            durationMs: number;
            error: string | null;
            /** @description The subscriber's HTTP status; null when none came */
            statusCode: number | null;
        };
        DeliveryPage: {
            items: components["schemas"]["DeliveryView"][];
            nextCursor: string | null;
        };
        DeliveryView: {
            attempts: components["schemas"]["DeliveryAttemptView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** @enum {string} */
            event: "case.submitted" | "case.status_changed" | "case.finished" | "certificate.issued" | "grant.created";
            /**
             * Format: uuid
             * @description The X-Ywtb-Delivery header of every attempt
             */
            id: string;
            /** @description Deliveries with one key (a case) arrive in order */
            orderKey: string;
            /** @description The body sent: `{ id, event, occurredAt, data }` */
            payload: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
        };
        DepartmentList: {
            items: components["schemas"]["DepartmentView"][];
        };
        DepartmentView: {
            code: string;
            name: string;
        };
        EnterpriseAuthorisationView: {
            id: string;
            /** @description null: every item */
            serviceItemCodes: string[] | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @example 2027-06-30 */
            validUntil: string;
        };
        EnterpriseList: {
            items: components["schemas"]["EnterpriseView"][];
            nextCursor: string | null;
        };
        EnterprisePartyView: {
            id: string;
            name: string;
        };
        EnterpriseView: {
            /** @description your authorisation: an active one if you hold one, else your latest */
            authorisation: components["schemas"]["EnterpriseAuthorisationView"];
            /** @description the enterprise's account id: apply for it with onBehalfOf */
            id: string;
            /** @description 法定代表人 */
            legalRepresentative: components["schemas"]["EnterprisePartyView"];
            name: string;
            /** @description credit code and name found in the legal-entity registry */
            registryVerified: boolean;
            /**
             * @description how you act for it
             * @enum {string}
             */
            role: "legal_representative" | "handler";
            uscc: string;
        };
        ExplanationView: {
            /**
             * @description The China date the facts were read at
             * @example 2026-11-03
             */
            asOf: string;
            /**
             * @example {
             *       "person.age": 84,
             *       "person.hukouDistrict": "南关区"
             *     }
             */
            facts: {
                [key: string]: unknown;
            };
            period: string;
            /**
             * @description The rule and the facts in plain Chinese, from the rule's syntax tree and the registry fields' labels (libs/rules explain.ts)
             * @example {
             *       "rule": "年满 80 周岁，户籍在南关区",
             *       "facts": [
             *         "84 岁",
             *         "户籍南关区"
             *       ]
             *     }
             */
            plain: components["schemas"]["PlainExplanationView"];
            policyCode: string;
            policyVersion: number;
            /** @example person.age >= 80 && person.hukouDistrict == '南关区' */
            rule: string;
            /**
             * @description A grant run, or a registry change re-evaluated on its own
             * @enum {string}
             */
            trigger: "run" | "registry-change";
            /**
             * @example [
             *       "person.age",
             *       "person.hukouDistrict"
             *     ]
             */
            variablesUsed: string[];
        };
        ExtendDeadlineDto: {
            /** @example 案情复杂，经负责人批准延长十个工作日 */
            reason: string;
            /**
             * @description 延期, in working days (行政许可法 §42: 10 for the statutory 20)
             * @example 10
             */
            workingDays: number;
        };
        FailedJobPage: {
            items: components["schemas"]["FailedJobView"][];
            nextCursor: string | null;
        };
        FailedJobView: {
            /** @example 5 */
            attempts: number;
            /** @example connect ECONNREFUSED */
            error: string;
            /** Format: date-time */
            failedAt: string;
            /** Format: uuid */
            id: string;
            /** @example outbox-1234 */
            jobId: string;
            /** @example workflow.fire-timer */
            jobName: string;
            /**
             * @description ids only (jobs carry no personal data)
             * @example {
             *       "caseId": "5d0f…",
             *       "timerId": "t:notice:1"
             *     }
             */
            payload: Record<string, never>;
            /** @example workflow */
            queue: string;
            /**
             * Format: date-time
             * @description when an admin last retried it; null after it failed again
             */
            retriedAt: string | null;
        };
        FeeDto: {
            /** @description 收费依据 (required when not free) */
            basis?: string;
            /** @description true: 不收费 */
            free: boolean;
            /** @description 收费标准 (required when not free) */
            standard?: string;
        };
        FileView: {
            /**
             * @description Detected from the content, not from the name or the declared type
             * @enum {string}
             */
            contentType: "application/pdf" | "image/png" | "image/jpeg" | "image/tiff" | "application/ofd";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description The client's file name, sanitised; for display only
             * @example 营业执照.pdf
             */
            originalName: string;
            /**
             * @description Lower-case hex SHA-256 of the content
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            sha256: string;
            /**
             * @description Bytes
             * @example 183204
             */
            size: number;
        };
        FlagPage: {
            items: components["schemas"]["FlagView"][];
            nextCursor: string | null;
        };
        FlagView: {
            acknowledgeComment: string | null;
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: uuid */
            acknowledgedBy: string | null;
            /** Format: uuid */
            caseId: string | null;
            departmentCode: string | null;
            /** @description A sentence for people */
            detail: string;
            /** Format: date-time */
            detectedAt: string;
            /** @description 0 none, 1 the department was notified, 2 the supervisors were */
            escalationLevel: number;
            facts: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "case_deadline_approaching" | "case_overdue" | "task_deadline_approaching" | "task_overdue" | "task_unclaimed" | "case_stalled" | "repeated_corrections" | "tolerated_material_overdue" | "decision_too_fast" | "auto_approval_sample" | "job_failed" | "benefit_run_jump" | "rating_ticket_due_soon" | "rating_ticket_overdue" | "commitment_check_overdue";
            /** @enum {string|null} */
            resolution: "cleared" | "manual" | null;
            resolutionComment: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /**
             * Format: uuid
             * @description null when the condition cleared by itself
             */
            resolvedBy: string | null;
            /** @enum {string} */
            severity: "yellow" | "red";
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved";
            targetKey: string;
            taskId: string | null;
        };
        ForecastItem: {
            /** Format: uuid */
            caseId: string | null;
            departmentCode: string | null;
            /** @description A sentence for people */
            detail: string;
            /** @description What the monitor saw: deadlines, times, counts */
            facts: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            kind: "case_deadline_approaching" | "case_overdue" | "task_deadline_approaching" | "task_overdue" | "task_unclaimed" | "case_stalled" | "repeated_corrections" | "tolerated_material_overdue" | "decision_too_fast" | "auto_approval_sample" | "job_failed" | "benefit_run_jump" | "rating_ticket_due_soon" | "rating_ticket_overdue" | "commitment_check_overdue";
            /** @enum {string} */
            severity: "yellow" | "red";
            /** @description What the flag is about: one open flag per kind and target */
            targetKey: string;
            taskId: string | null;
        };
        ForecastView: {
            /** Format: date-time */
            asOf: string;
            /** @description total per kind */
            counts: {
                [key: string]: number;
            };
            items: components["schemas"]["ForecastItem"][];
            /** @description Flags the scan would hold open, before `limit` */
            total: number;
        };
        GrantDetailView: {
            /** @example 100 */
            amount: number;
            /** Format: date-time */
            declinedAt: string | null;
            /** @description Staff see a person's name, ID number, phone and birth date masked in `facts` */
            explanation: components["schemas"]["ExplanationView"];
            /** Format: date-time */
            grantedAt: string;
            id: string;
            /** @description The registry import whose change granted it */
            importId: string | null;
            /** @example 2026-11 */
            period: string;
            policyCode: string;
            /** @example 高龄津贴（80周岁以上） */
            policyName: string;
            policyVersion: number;
            /** @description true when an admin revealed the unmasked values (POST /api/benefit-grants/:id/reveal) */
            revealed: boolean;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description The run that granted it */
            runId: string | null;
            /** @enum {string} */
            status: "granted" | "declined" | "revoked";
            /** @description The registry id of the person or enterprise */
            subjectId: string;
            /**
             * @description ID number or credit code, masked
             * @example 220***********1022
             */
            subjectKey: string;
            /**
             * @description A person's name is masked; an enterprise's is public
             * @example 李*
             */
            subjectName: string;
            /** @enum {string} */
            subjectType: "person" | "enterprise";
        };
        GrantPage: {
            items: components["schemas"]["GrantDetailView"][];
            nextCursor: string | null;
        };
        HistoryAuditView: {
            brokenCases: components["schemas"]["BrokenCaseView"][];
            /** @description how many cases do not verify (brokenCases lists the first 1,000) */
            brokenCount: number;
            checkedCases: number;
            /** @description null until the first checkpoint */
            checkpoint: components["schemas"]["CheckpointStatusView"] | null;
            /** @description every case verifies and every checkpoint signature is valid */
            valid: boolean;
        };
        ImportResultView: {
            /** @description Records created */
            imported: number;
            /** Format: uuid */
            importId: string;
            /** @description Data lines read (CSV: without the header; blank lines are skipped) */
            lines: number;
            /** @description The first 1,000 rejected lines, in line order */
            rejected: components["schemas"]["RejectedLineView"][];
            /** @description All rejected lines, also those beyond the first 1,000 */
            rejectedCount: number;
            /** @description Lines identical to the stored record: nothing written */
            unchanged: number;
            /** @description Existing records changed */
            updated: number;
        };
        ImportView: {
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @enum {string} */
            format: "csv" | "jsonl";
            /** Format: uuid */
            id: string;
            imported: number;
            lines: number;
            rejected: components["schemas"]["RejectedLineView"][];
            rejectedCount: number;
            /** @enum {string} */
            source: "api" | "generator";
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** @enum {string} */
            subjectType: "person" | "enterprise";
            unchanged: number;
            updated: number;
        };
        InboxNoticeView: {
            /**
             * Format: uuid
             * @description The case the notice is about; the pages link to it
             */
            caseId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The template parameters (case number, item name, status, ...) */
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            readAt: string | null;
            /**
             * @description In-app notices are delivered once their job ran
             * @enum {string}
             */
            status: "pending" | "delivered";
            /** @example case.correction_requested */
            template: string;
            /**
             * @description The notice in one line (Chinese)
             * @example 办件 NG20260302000123 需补正材料
             */
            title: string;
        };
        InboxPage: {
            items: components["schemas"]["InboxNoticeView"][];
            nextCursor: string | null;
        };
        JointParticipantView: {
            department: string;
            /** @enum {string} */
            status: "deciding" | "approved" | "rejected" | "awaiting_correction";
        };
        JointProgressView: {
            participants: components["schemas"]["JointParticipantView"][];
            stepId: string;
        };
        LineProblemView: {
            /** @example id.checksum */
            code: string;
            /**
             * @description null when the whole line is unreadable
             * @example idNumber
             */
            field: string | null;
            /** @example idNumber: The check character does not match: a digit is probably mistyped */
            message: string;
        };
        LoadYearDto: {
            /**
             * @description Every day off of every holiday period, weekend days inside a period included
             * @example [
             *       "2027-01-01",
             *       "2027-01-02",
             *       "2027-01-03",
             *       "2027-02-05",
             *       "2027-02-06"
             *     ]
             */
            holidays: string[];
            /**
             * @description The notice: title and number
             * @example 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）
             */
            source: string;
            /**
             * @description Make-up workdays (调休上班): Saturdays or Sundays that are working days
             * @example [
             *       "2027-02-20"
             *     ]
             */
            workdays: string[];
        };
        LoadYearView: {
            /** @description Open cases whose deadlines were recomputed */
            recomputedCases: number;
            /** @description The calendar version this change created */
            version: number;
            /** @example 2027 */
            year: number;
        };
        LoginDto: {
            /** @example Nanguan@2026 */
            password: string;
            /** @example citizen1 */
            username: string;
        };
        LoginResponse: {
            /** @description short-lived (JWT_TTL_SECONDS); renew it with the refresh token */
            accessToken: string;
            /** @description seconds the access token lives */
            expiresIn?: number;
            /** @description for POST /api/auth/refresh; used once, each refresh hands out the next */
            refreshToken?: string;
            user: components["schemas"]["UserView"];
        };
        LogoutDto: {
            /**
             * @description the refresh token of the session to end (as in token revocation, RFC 7009: an unknown one ends nothing and is no error)
             * @example q3Yk1Wm0c8yQ2rJ7h5tXbA9eN4uLs6PdVfGz1oRk2Ew
             */
            refreshToken: string;
        };
        MaterialDto: {
            /** @example businessLicense */
            key: string;
            /** @example 营业执照 */
            name: string;
            required: boolean;
            /** @description 容缺受理: may be missing at acceptance, delivered later */
            tolerant: boolean;
        };
        MaterialOwedView: {
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            dueAt: string;
            key: string;
            name: string;
        };
        MaterialRefDto: {
            /** @description id from POST /api/files */
            fileId: string;
            /** @example businessLicense */
            key: string;
        };
        MigrationProblemView: {
            /** @example migration.step_unmapped */
            code: string;
            detail: string;
        };
        MissingItemDto: {
            /**
             * @description a material key, or form.<field>
             * @example premisesProof
             */
            key: string;
            /** @example 租赁合同已过期，请提供有效期内的合同 */
            reason: string;
        };
        MySubstitutesView: {
            /** @description the active clerks of the caller’s department who may be named */
            colleagues: components["schemas"]["ColleagueView"][];
            /** @description colleagues the caller stands in for (now or later) */
            covering: components["schemas"]["SubstitutionView"][];
            /** @description the substitute the caller named, if any */
            mine: components["schemas"]["SubstitutionView"] | null;
        };
        OfficialYearView: {
            /** Format: date-time */
            loadedAt: string;
            /** @example 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号） */
            source: string;
            /** @example 2026 */
            year: number;
        };
        OutboxBacklog: {
            /**
             * @description age of the oldest unrelayed row in seconds; null when none waits
             * @example null
             */
            oldestAgeSeconds: number | null;
            /**
             * @description outbox rows not yet relayed to the queue
             * @example 0
             */
            pending: number;
        };
        OutgoingNotificationList: {
            items: components["schemas"]["OutgoingNotificationView"][];
        };
        OutgoingNotificationView: {
            /** Format: uuid */
            caseId: string | null;
            /** @enum {string} */
            channel: "in-app" | "sms" | "email";
            /** Format: date-time */
            createdAt: string;
            deliveryAttempts: number;
            /**
             * Format: uuid
             * @description Also the `id` the SMS gateway received
             */
            id: string;
            lastError: string | null;
            /**
             * Format: date-time
             * @description A held SMS goes out then
             */
            notBefore: string | null;
            /** Format: uuid */
            recipientId: string;
            /** @enum {string} */
            status: "pending" | "held" | "delivered" | "failed";
            template: string;
        };
        PartyView: {
            id: string;
            name: string;
            username: string;
        };
        PauseClockDto: {
            /** @example 组织专家评审 */
            comment: string;
            /**
             * @description 专家评审 / 听证 / 现场勘验 / 检验检测: time the law does not count
             * @enum {string}
             */
            reason: "expert_review" | "hearing" | "inspection" | "testing";
        };
        PlainExplanationView: {
            /**
             * @example [
             *       "84 岁",
             *       "户籍南关区"
             *     ]
             */
            facts: string[];
            /** @example 年满 80 周岁，户籍在南关区 */
            rule: string;
        };
        PolicyDetailView: {
            active: boolean;
            /** @example 100 */
            amount: number;
            code: string;
            /** Format: date-time */
            createdAt: string;
            departmentCode: string | null;
            name: string;
            /** @enum {string} */
            period: "monthly" | "quarterly" | "yearly" | "once";
            rule: string;
            /** @enum {string} */
            subjectType: "person" | "enterprise";
            /**
             * @example [
             *       "person.age",
             *       "person.hukouDistrict"
             *     ]
             */
            variablesUsed: string[];
            version: number;
            /** @description Every version, newest first */
            versions: components["schemas"]["PolicyVersionView"][];
        };
        PolicyPage: {
            items: components["schemas"]["PolicyView"][];
            nextCursor: string | null;
        };
        PolicyVersionView: {
            /** @example 100 */
            amount: number;
            /** Format: date-time */
            createdAt: string;
            name: string;
            /** @enum {string} */
            period: "monthly" | "quarterly" | "yearly" | "once";
            rule: string;
            /**
             * @example [
             *       "person.age",
             *       "person.hukouDistrict"
             *     ]
             */
            variablesUsed: string[];
            version: number;
        };
        PolicyView: {
            active: boolean;
            /** @example 100 */
            amount: number;
            code: string;
            /** Format: date-time */
            createdAt: string;
            departmentCode: string | null;
            name: string;
            /** @enum {string} */
            period: "monthly" | "quarterly" | "yearly" | "once";
            rule: string;
            /** @enum {string} */
            subjectType: "person" | "enterprise";
            /**
             * @example [
             *       "person.age",
             *       "person.hukouDistrict"
             *     ]
             */
            variablesUsed: string[];
            version: number;
        };
        /** @description RFC 9457 problem details with a stable `code`; `errors[]` name the fields at fault. */
        Problem: {
            /** @example validation.failed */
            code: string;
            detail: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            /** @example urn:ywtb:problem:validation.failed */
            type: string;
        };
        ProfileEnterpriseView: {
            /** @example 南关区 */
            district: string | null;
            /** @example 刘洋 */
            legalRepresentative: string | null;
            /** @example 长春市南关区福顺餐饮有限公司 */
            name: string;
            /** @example 91220102MA17Q5C827 */
            uscc: string | null;
        };
        ProfileView: {
            /** @description an enterprise account: the enterprise */
            enterprise: components["schemas"]["ProfileEnterpriseView"] | null;
            /** @description the holder's own ID number, whole; null for an enterprise account */
            idNumber: string | null;
            /** @example 张伟 */
            name: string;
            phone: string | null;
        };
        ProviderView: {
            /** @description sign-in through the identity provider is configured */
            oidc: boolean;
        };
        QueueCounts: {
            /** @example 1 */
            active: number;
            /**
             * @description waiting for their time (timers, retries after a backoff)
             * @example 12
             */
            delayed: number;
            /**
             * @description used up their attempts (see GET /api/operations/failed-jobs)
             * @example 0
             */
            failed: number;
            /** @example workflow */
            name: string;
            /** @example 0 */
            waiting: number;
        };
        QueuesView: {
            /** @enum {string} */
            backend: "redis" | "postgres";
            /** @description false when the queue backend did not answer; the counts are then empty */
            backendAvailable: boolean;
            outbox: components["schemas"]["OutboxBacklog"];
            queues: components["schemas"]["QueueCounts"][];
            timers: components["schemas"]["TimerBacklog"];
        };
        RateCaseDto: {
            comment?: string;
            score: number;
        };
        RatingRow: {
            /** @description Mean score, 1–5 */
            average: number;
            count: number;
            /** @description Service item (or bundle) code, or department code */
            key: string;
            label: string | null;
            /** @description Ratings of 1 or 2 (差评) */
            low: number;
        };
        RatingsReport: {
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            groupBy: "serviceItem" | "department";
            items: components["schemas"]["RatingRow"][];
            /** Format: date-time */
            to: string;
        };
        RatingTicketPage: {
            items: components["schemas"]["RatingTicketView"][];
            nextCursor: string | null;
        };
        RatingTicketRow: {
            /** @description Of those, closed because an appeal was upheld (the rating no longer counts) */
            appealsUpheld: number;
            /** @description Mean calendar days from opening to closing, of the tickets closed in the range */
            averageTurnaroundDays: number | null;
            /** @description Tickets closed in the range (either outcome) */
            closed: number;
            /** @description Closed in the range by their due date */
            closedOnTime: number;
            /** @description Department code */
            key: string;
            label: string | null;
            /** @description Not closed, now */
            open: number;
            /** @description 差评 tickets opened in the range */
            opened: number;
            /** @description Not closed and past the due date, now */
            overdue: number;
        };
        RatingTicketsReport: {
            /** Format: date-time */
            from: string;
            items: components["schemas"]["RatingTicketRow"][];
            /** Format: date-time */
            to: string;
        };
        RatingTicketView: {
            appeal: components["schemas"]["TicketAppealView"] | null;
            caseId: string;
            caseNo: string;
            closedAt: string | null;
            comment: string | null;
            departmentCode: string | null;
            /**
             * @description the 15th working day after the rating
             * @example 2026-12-25
             */
            dueDate: string;
            id: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * @description once closed: resolved, or appeal_upheld (the rating no longer counts)
             * @enum {string|null}
             */
            outcome: "resolved" | "appeal_upheld" | null;
            /** @description open and past dueDate (China time) */
            overdue: boolean;
            /** @description 整改 record */
            rectification: components["schemas"]["TicketRecordView"] | null;
            score: number;
            /** @example 非常不满意 */
            scoreLabel: string;
            /** @enum {string} */
            status: "open" | "visited" | "rectified" | "closed" | "appealed";
            /** @description 回访 records */
            visits: components["schemas"]["TicketRecordView"][];
        };
        RefreshDto: {
            /**
             * @description the refresh token of the last sign-in or refresh
             * @example q3Yk1Wm0c8yQ2rJ7h5tXbA9eN4uLs6PdVfGz1oRk2Ew
             */
            refreshToken: string;
        };
        RegisterDto: {
            /**
             * @description the 6-digit code sent to the phone
             * @example 123456
             */
            code: string;
            /**
             * @description 18-character 居民身份证 number, checked (region, birth date, check character)
             * @example 220102199003071234
             */
            idNumber: string;
            /** @example 王小明 */
            name: string;
            /** @example A-long-passphrase-2026 */
            password: string;
            /**
             * @description a mainland mobile number
             * @example 13912345678
             */
            phone: string;
            /**
             * @description chosen username; one is generated when left out
             * @example wangxm
             */
            username?: string;
        };
        RegisteredView: {
            /** @description signed in at once: an access token */
            accessToken: string;
            expiresIn: number;
            id: string;
            /** @description name and ID number matched a person of the population registry */
            realNameVerified: boolean;
            refreshToken: string;
            username: string;
        };
        RegisterEnterpriseDto: {
            /** @example 长春市南关区福顺餐饮有限公司 */
            name: string;
            /**
             * @description 统一社会信用代码 (checked); you become its legal representative
             * @example 91220102MA0Y3B7K4X
             */
            uscc: string;
        };
        RejectedLineView: {
            /**
             * @description The first problem of the line
             * @example id.checksum
             */
            code: string;
            /** @description Every problem of the line */
            errors: components["schemas"]["LineProblemView"][];
            /**
             * @description Counts from 1; in CSV the header is line 1
             * @example 7
             */
            line: number;
            /** @example idNumber: The check character does not match: a digit is probably mistyped */
            message: string;
        };
        ResolveFlagDto: {
            /** @example 已核实：申请人补交材料延误，已督办 */
            comment: string;
        };
        ResolveReviewDto: {
            /**
             * @description keep the grant, or revoke it (the holder is told)
             * @enum {string}
             */
            decision: "keep" | "revoke";
            /** @example 收入增加系一次性补发工资，维持补贴 */
            note?: string;
        };
        ResumeClockDto: {
            comment?: string;
        };
        RevealGrantDto: {
            /** @example 核对高龄津贴发放对象身份（工单 2026-118） */
            purpose: string;
        };
        ReviewPage: {
            items: components["schemas"]["ReviewView"][];
            nextCursor: string | null;
        };
        ReviewView: {
            /** Format: date-time */
            createdAt: string;
            /** @description The facts the rule read when the subject stopped qualifying */
            facts: {
                [key: string]: unknown;
            };
            grantId: string;
            /** Format: uuid */
            id: string;
            /** @description The import whose change caused the review */
            importId: string | null;
            note: string | null;
            period: string;
            policyCode: string;
            policyName: string;
            /** @enum {string} */
            reason: "no_longer_eligible" | "rule_failed";
            /** Format: date-time */
            resolvedAt: string | null;
            resolvedBy: string | null;
            /** @enum {string} */
            status: "open" | "kept" | "revoked";
            subjectId: string;
            /** @description ID number or credit code, masked */
            subjectKey: string;
            /** @description Masked for a person */
            subjectName: string;
            /** @enum {string} */
            subjectType: "person" | "enterprise";
        };
        RevokeCertificateDto: {
            /** @example 经核查，申请人告知承诺内容与实际不符，依法撤销 */
            reason: string;
        };
        RuleErrorView: {
            /** @example no_such_overload */
            code: string;
            column: number;
            end: number;
            line: number;
            message: string;
            /** @example rule */
            path: string;
            start: number;
        };
        RuleValidationView: {
            errors?: components["schemas"]["RuleErrorView"][];
            /**
             * @description the rule in plain Chinese, when valid
             * @example 年满 80 周岁，户籍在南关区
             */
            plain?: string;
            valid: boolean;
        };
        RunCreatedView: {
            /** Format: uuid */
            runId: string;
        };
        RunPage: {
            items: components["schemas"]["RunView"][];
            nextCursor: string | null;
        };
        RunView: {
            /**
             * @description The China date ages are computed at
             * @example 2026-11-03
             */
            asOf: string;
            chunksDone: number;
            chunksTotal: number;
            /** Format: date-time */
            createdAt: string;
            dryRun: boolean;
            /** @description Subjects the rule selects */
            eligible: number;
            error: string | null;
            /** @description Subjects looked at so far */
            evaluated: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Grants made (0 in a dry run) */
            granted: number;
            /** Format: uuid */
            id: string;
            /**
             * @description The period grants are made for
             * @example 2026-11
             */
            period: string;
            policyCode: string;
            policyVersion: number;
            /** @description Eligible subjects that already had this period's grant */
            skippedExisting: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        ScanCreatedView: {
            /** Format: uuid */
            scanId: string;
        };
        ScanView: {
            /** Format: date-time */
            createdAt: string;
            error: string | null;
            /** @description Flags this scan escalated */
            escalated: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Flags this scan opened */
            flagged: number;
            /** Format: uuid */
            id: string;
            /** @description Flags this scan found cleared and resolved */
            resolved: number;
            /** @description Whether it also reviewed the decided cases (too fast, 秒批 sample) */
            reviewed: boolean;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @enum {string} */
            trigger: "request" | "schedule";
        };
        ServiceItemFieldsDto: {
            /**
             * @description 告知承诺: a case a rule approves on the applicant’s commitment gets a follow-up check by the department due this many working days later; null or absent: no check
             * @example 20
             */
            commitmentCheckDays?: number | null;
            /**
             * @description 监督投诉电话
             * @example 12315
             */
            complaintPhone: string;
            /**
             * @description 咨询电话
             * @example 12345
             */
            consultPhone: string;
            /** @example market-regulation */
            departmentCode: string;
            /** @description 收费 */
            fee: components["schemas"]["FeeDto"];
            /** @description JSON Schema 2020-12 of the form; every property has examples */
            formSchema: {
                [key: string]: unknown;
            };
            /**
             * @description 事项类型: instant 即办件 | promised 承诺件
             * @enum {string}
             */
            itemType: "instant" | "promised";
            /**
             * @description 设定依据: each a law or regulation in 《》 and its article
             * @example [
             *       "《中华人民共和国食品安全法》第三十五条"
             *     ]
             */
            legalBasis: string[];
            /**
             * @description 办理地点
             * @example 长春市南关区政务服务中心市场监督管理局窗口
             */
            location: string;
            materials: components["schemas"]["MaterialDto"][];
            /** @example 食品经营许可证核发 */
            name: string;
            /**
             * @description 办公时间
             * @example 工作日 8:30—11:30，13:00—17:00（法定节假日除外）
             */
            officeHours: string;
            /**
             * @description 网办深度: information 一级 | online-prereview 二级 网上预审 | online-acceptance 三级 网上受理 | fully-online 四级 全程网办
             * @enum {string}
             */
            onlineDepth: "information" | "online-prereview" | "online-acceptance" | "fully-online";
            /**
             * @description 承诺时限, working days (≤ statutoryDays)
             * @example 10
             */
            promisedDays: number;
            /**
             * @description 法定时限, working days
             * @example 20
             */
            statutoryDays: number;
            /** @description 服务对象 */
            subjectTypes: ("person" | "enterprise")[];
            /** @example food-business-license */
            workflowKey: string;
        };
        ServiceItemList: {
            items: components["schemas"]["ServiceItemView"][];
        };
        ServiceItemView: {
            /** @example 2201-SC-0001 */
            code: string;
            /**
             * @description 告知承诺: a case a rule approves on the applicant’s commitment gets a follow-up check by the department due this many working days later; null or absent: no check
             * @example 20
             */
            commitmentCheckDays?: number | null;
            /**
             * @description 监督投诉电话
             * @example 12315
             */
            complaintPhone: string;
            /**
             * @description 咨询电话
             * @example 12345
             */
            consultPhone: string;
            /** @example market-regulation */
            departmentCode: string;
            /** @description 收费 */
            fee: components["schemas"]["FeeDto"];
            /** @description JSON Schema 2020-12 of the form; every property has examples */
            formSchema: {
                [key: string]: unknown;
            };
            /**
             * @description 事项类型: instant 即办件 | promised 承诺件
             * @enum {string}
             */
            itemType: "instant" | "promised";
            /**
             * @description 设定依据: each a law or regulation in 《》 and its article
             * @example [
             *       "《中华人民共和国食品安全法》第三十五条"
             *     ]
             */
            legalBasis: string[];
            /**
             * @description 办理地点
             * @example 长春市南关区政务服务中心市场监督管理局窗口
             */
            location: string;
            materials: components["schemas"]["MaterialDto"][];
            /** @example 食品经营许可证核发 */
            name: string;
            /**
             * @description 办公时间
             * @example 工作日 8:30—11:30，13:00—17:00（法定节假日除外）
             */
            officeHours: string;
            /**
             * @description 网办深度: information 一级 | online-prereview 二级 网上预审 | online-acceptance 三级 网上受理 | fully-online 四级 全程网办
             * @enum {string}
             */
            onlineDepth: "information" | "online-prereview" | "online-acceptance" | "fully-online";
            /**
             * @description 承诺时限, working days (≤ statutoryDays)
             * @example 10
             */
            promisedDays: number;
            /**
             * @description 法定时限, working days
             * @example 20
             */
            statutoryDays: number;
            /** @description 服务对象 */
            subjectTypes: ("person" | "enterprise")[];
            /** @example food-business-license */
            workflowKey: string;
        };
        SetDayDto: {
            /** @example false */
            isWorkday: boolean;
            /**
             * @description Shown with the day; also the reason on record
             * @example 南关区人民政府通知：临时闭馆
             */
            note: string;
        };
        SetSubstituteDto: {
            /**
             * @description start of the absence (ISO 8601)
             * @example 2026-12-07T00:00:00+08:00
             */
            from: string;
            /**
             * @description end of the absence, exclusive (ISO 8601); after `from`
             * @example 2026-12-12T00:00:00+08:00
             */
            to: string;
            /**
             * Format: uuid
             * @description the colleague (a clerk of the same department) who works your tasks meanwhile
             */
            userId: string;
        };
        SmsCodeDto: {
            /**
             * @description a mainland mobile number
             * @example 13912345678
             */
            phone: string;
        };
        SmsCodeSentView: {
            /**
             * @description how long the code is valid
             * @example 300
             */
            expiresInSeconds: number;
        };
        StaffPage: {
            items: components["schemas"]["StaffView"][];
            nextCursor: string | null;
        };
        StaffView: {
            /** Format: date-time */
            createdAt: string;
            departmentCode: string | null;
            disabled: boolean;
            displayName: string;
            id: string;
            roles: ("citizen" | "clerk" | "supervisor" | "admin")[];
            username: string;
        };
        StartRunDto: {
            /**
             * @description Registry ids per chunk job
             * @default 250000
             */
            chunkSize: number;
            /**
             * @description Only count: evaluated, eligible, and how many of those already have this period's grant
             * @default false
             */
            dryRun: boolean;
            /**
             * @description Chunk jobs of this run in flight at once, on as many workers
             * @default 2
             */
            parallelism: number;
        };
        SubmitCaseDto: {
            /** @example open-restaurant */
            bundleCode?: string;
            /** @description the application form, valid against the item's formSchema; for a bundle, ONE form filled from the bundle's merged formSchema (GET /api/bundles/:code); each child case receives the fields its item asks for */
            form: {
                [key: string]: unknown;
            };
            materials: components["schemas"]["MaterialRefDto"][];
            /** @description 代办: the account id of the person (or enterprise) you apply for; needs their authorisation (GET /api/my/principals), else 403 */
            onBehalfOf?: string;
            /**
             * @description exactly one of serviceItemCode and bundleCode
             * @example 2201-SC-0001
             */
            serviceItemCode?: string;
        };
        SubmittedCaseView: {
            /** @example NG2026-SC0001-000123 */
            caseNo: string;
            id: string;
            promisedDeadline: string | null;
            status: components["schemas"]["CaseStatus"];
            statutoryDeadline: string | null;
        };
        SubstitutionView: {
            /** @description the absent clerk */
            absentId: string;
            absentName: string;
            /** @description the window holds now */
            active: boolean;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description the substitute */
            userId: string;
            userName: string;
        };
        TaskPage: {
            items: components["schemas"]["TaskView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        TaskView: {
            allowedActions: ("accept" | "refuse" | "correction" | "approve" | "reject" | "transfer")[];
            caseId: string;
            caseNo: string;
            claimedBy: string | null;
            /** @description the display name of the clerk holding it */
            claimedByName: string | null;
            departmentCode: string;
            dueAt: string | null;
            id: string;
            leaseUntil: string | null;
            /** @description set when the caller works this task as the substitute of its holder (代岗): the absent clerk’s id */
            onBehalfOf: string | null;
            role: string;
            serviceItemCode: string | null;
            /** @enum {string} */
            status: "open" | "claimed" | "completed" | "cancelled";
            stepId: string;
        };
        TicketAppealDecisionDto: {
            /** @description true: the rating was malicious — the ticket closes and the rating leaves the department’s score; false: back to work */
            upheld: boolean;
        };
        TicketAppealDto: {
            /** @example 申请人因不符合条件被驳回，评价与服务无关，属恶意差评 */
            reason: string;
        };
        TicketAppealView: {
            at: string;
            by: string;
            byName: string;
            decidedAt: string | null;
            decidedBy: string | null;
            reason: string;
            upheld: boolean | null;
        };
        TicketNoteDto: {
            /** @example 已电话回访申请人，了解到窗口等候时间过长 */
            note: string;
        };
        TicketRecordView: {
            at: string;
            by: string;
            byName: string;
            note: string;
        };
        TimelineEntryView: {
            action: string;
            actor: string;
            /** Format: date-time */
            at: string;
            comment: string | null;
            /** @description the department whose task this was, else the department running the case */
            department: string | null;
            from: string | null;
            /** @description the absent clerk a substitute acted for (代岗); `actor` is the substitute */
            onBehalfOf: string | null;
            to: string | null;
        };
        TimerBacklog: {
            /** Format: date-time */
            nextDueAt: string | null;
            /**
             * @description pending timers more than a minute past their due time
             * @example 0
             */
            overdue: number;
            /**
             * @description timers (公示 periods, …) waiting to fire
             * @example 13
             */
            pending: number;
        };
        TokensView: {
            accessToken: string;
            expiresIn: number;
            refreshToken: string;
        };
        TurnaroundReport: {
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            groupBy: "serviceItem" | "department" | "clerk";
            items: components["schemas"]["TurnaroundRow"][];
            /** Format: date-time */
            to: string;
        };
        TurnaroundRow: {
            /** @description Cases decided in the range */
            count: number;
            /** @description Service item code, department code, or the clerk's username ("(system)": no person decided) */
            key: string;
            /** @description Its name */
            label: string | null;
            /** @description Share decided at or after the promised deadline (承诺时限) */
            overdueRate: number;
            /** @description Median working hours from acceptance to decision (office hours of working days) */
            p50Hours: number;
            /** @description 90th percentile, working hours */
            p90Hours: number;
            /** @description Share decided at or after the statutory deadline (法定时限) */
            statutoryOverdueRate: number;
        };
        UnreadCountView: {
            /** @example 3 */
            unread: number;
        };
        UpdatePolicyDto: {
            /** @description Inactive policies are left out of runs and re-evaluations; grants made stay */
            active?: boolean;
            departmentCode?: string | null;
        };
        UpdateUserDto: {
            departmentCode?: string | null;
            disabled?: boolean;
            displayName?: string;
            /** @description Set only; never read back */
            password?: string;
            roles?: ("citizen" | "clerk" | "supervisor" | "admin")[];
        };
        UpdateWebhookDto: {
            active?: boolean;
            events?: ("case.submitted" | "case.status_changed" | "case.finished" | "certificate.issued" | "grant.created")[];
            secret?: string;
            url?: string;
        };
        UploadFileForm: {
            /**
             * Format: binary
             * @description PDF, PNG, JPEG, TIFF or OFD; at most MAX_UPLOAD_BYTES (20 MiB by default)
             */
            file: string;
        };
        UserView: {
            departmentCode: string | null;
            displayName: string;
            id: string;
            roles: ("citizen" | "clerk" | "supervisor" | "admin")[];
            username: string;
        };
        ValidateRuleDto: {
            /** @example person.age >= 80 && person.hukouDistrict == '南关区' */
            rule: string;
            /**
             * @example person
             * @enum {string}
             */
            subjectType: "person" | "enterprise";
        };
        ValidationResultView: {
            errors?: components["schemas"]["DefinitionErrorView"][];
            valid: boolean;
        };
        WalkInApplicantDto: {
            /**
             * @description the 居民身份证 number, read from the card
             * @example 220102195001011234
             */
            idNumber: string;
            /** @example 李秀英 */
            name: string;
            /** @example 13912345678 */
            phone?: string;
        };
        WebhookList: {
            items: components["schemas"]["WebhookView"][];
        };
        WebhookView: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            events: ("case.submitted" | "case.status_changed" | "case.finished" | "certificate.issued" | "grant.created")[];
            /** Format: uuid */
            id: string;
            url: string;
        };
        WorkflowGraphView: {
            edges: Record<string, never>[];
            nodes: Record<string, never>[];
        };
        WorkflowList: {
            items: components["schemas"]["WorkflowView"][];
        };
        WorkflowMigrationDto: {
            /**
             * @description true: only list what would move and what cannot; nothing changes
             * @default false
             */
            dryRun: boolean;
            /**
             * @description the version the cases run on now (published, or superseded by a later one)
             * @example 1
             */
            fromVersion: number;
            /**
             * @description for each step of fromVersion where cases may wait, the step of toVersion they continue at; a case at an unmapped step stays where it is
             * @example {
             *       "accept": "accept",
             *       "review": "review"
             *     }
             */
            stepMapping: {
                [key: string]: string;
            };
            /**
             * @description the published version they move to
             * @example 2
             */
            toVersion: number;
        };
        WorkflowMigrationView: {
            dryRun: boolean;
            fromVersion: number;
            key: string;
            /** @description cases moved (or, in a dry run, that would move) */
            moved: number;
            refused: number;
            /** @description one per open case of fromVersion, in case-number order */
            results: components["schemas"]["CaseMigrationResultView"][];
            toVersion: number;
        };
        WorkflowVersionRef: {
            key: string;
            /** @enum {string} */
            status: "draft" | "published" | "superseded";
            version: number;
        };
        WorkflowVersionSummary: {
            /** Format: date-time */
            createdAt: string;
            publishedAt: string | null;
            /** @enum {string} */
            status: "draft" | "published" | "superseded";
            version: number;
        };
        WorkflowView: {
            key: string;
            name: string;
            versions: components["schemas"]["WorkflowVersionSummary"][];
        };
        WorkingDayView: {
            /** @example 2026-02-24 */
            date: string;
            /** @description The count crossed days of a year whose official notice is not loaded yet */
            provisional: boolean;
        };
        WorkloadView: {
            clerks: components["schemas"]["ClerkWorkloadView"][];
            departmentCode: string;
            /** @description open tasks nobody holds */
            open: number;
            /** @description of those, past their due time */
            openOverdue: number;
            /** @description the department's open and held tasks, oldest deadline first (at most 200): what a supervisor assigns from */
            tasks: components["schemas"]["TaskView"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AnalyticsController_ratingTickets: {
        parameters: {
            query?: {
                /** @description Only cases of this department */
                departmentCode?: string;
                /** @description csv (UTF-8 with BOM) also by `Accept: text/csv` */
                format?: "json" | "csv";
                /** @description Start (a China date counts from its midnight); default: 30 days before `to` */
                from?: string;
                /** @description Only cases of this service item */
                serviceItemCode?: string;
                /** @description End, exclusive for an instant; a China date includes that whole day. Default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 差评 整改 per department: opened, closed, appeals upheld, turnaround; open and overdue now. CSV with ?format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketsReport"];
                    "text/csv": components["schemas"]["RatingTicketsReport"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `analytics.invalid_range` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_ratings: {
        parameters: {
            query?: {
                /** @description Only cases of this department */
                departmentCode?: string;
                /** @description csv (UTF-8 with BOM) also by `Accept: text/csv` */
                format?: "json" | "csv";
                /** @description Start (a China date counts from its midnight); default: 30 days before `to` */
                from?: string;
                groupBy?: "serviceItem" | "department";
                /** @description Only cases of this service item */
                serviceItemCode?: string;
                /** @description End, exclusive for an instant; a China date includes that whole day. Default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 好差评 per group: count, average, ratings of 1–2 (a rating whose appeal was upheld is left out); CSV with ?format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingsReport"];
                    "text/csv": components["schemas"]["RatingsReport"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `analytics.invalid_range` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_turnaround: {
        parameters: {
            query?: {
                /** @description Only cases of this department */
                departmentCode?: string;
                /** @description csv (UTF-8 with BOM) also by `Accept: text/csv` */
                format?: "json" | "csv";
                /** @description Start (a China date counts from its midnight); default: 30 days before `to` */
                from?: string;
                /** @description clerk: the last staff member who decided on the case */
                groupBy?: "serviceItem" | "department" | "clerk";
                /** @description Only cases of this service item */
                serviceItemCode?: string;
                /** @description End, exclusive for an instant; a China date includes that whole day. Default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per group: decided cases, p50/p90 working hours, overdue rates; CSV with ?format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TurnaroundReport"];
                    "text/csv": components["schemas"]["TurnaroundReport"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `analytics.invalid_range` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HistoryCheckpointsController_checkpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointTakenView"];
                };
            };
            /** @description No valid token; `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only supervisors and admins; `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HistoryCheckpointsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryAuditView"];
                };
            };
            /** @description No valid token; `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only supervisors and admins; `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PersonalDataAccessController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                /** @description csv (UTF-8 with BOM) also by `Accept: text/csv` */
                format?: "json" | "csv";
                /** @description From this instant (a China date: from its midnight) */
                from?: string;
                limit?: number;
                /** @description Reads of this record (a case or file id, a registry person id, a grant id) */
                subjectId?: string;
                subjectKind?: "case" | "file" | "registry-person" | "benefit-grant";
                /** @description Before this instant (a China date: that whole day included) */
                to?: string;
                /** @description Reads by this staff member */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessPage"];
                    "text/csv": components["schemas"]["AccessPage"];
                };
            };
            /** @description `validation.failed` naming the filter at fault; `pagination.bad_cursor` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only supervisors and admins read the access log; `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`: wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.too_many_attempts`: too many consecutive failures for this username (Retry-After says how long to wait), or `rate_limited`: too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IdentityController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutDto"];
            };
        };
        responses: {
            /** @description signed out (also for a token that names no session: nothing to end) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IdentityController_oidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: /login/provider#accessToken=…&refreshToken=…&expiresIn=… */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `identity.oidc_state_unknown`, `identity.oidc_refused`, `identity.oidc_failed`, `identity.oidc_claims_missing`, `identity.invalid_id_number` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IdentityController_oidcLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: the provider */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `identity.oidc_not_configured` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IdentityController_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderView"];
                };
            };
        };
    };
    IdentityController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.refresh_invalid`, `auth.refresh_expired`, `auth.session_revoked`, `auth.session_ended`, `auth.refresh_reused` (a used token came back: the session is revoked) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IdentityController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredView"];
                };
            };
            /** @description `identity.invalid_id_number` (path idNumber), `auth.sms_code_wrong`, `auth.sms_code_expired`, `auth.sms_code_spent` (path code), `validation_failed`; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.person_registered`: this ID number has an account; `user.username_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.registry_mismatch`: the name differs from the population registry */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IdentityController_smsCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsCodeDto"];
            };
        };
        responses: {
            /** @description the code is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsCodeSentView"];
                };
            };
            /** @description `validation.failed`: not a mainland mobile number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.sms_code_too_soon` (one a minute), `auth.sms_code_phone_limit` (5 an hour per phone), `auth.sms_code_address_limit` (per address), `rate_limited`; Retry-After says when */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.sms_unavailable`: the SMS gateway (SMS_WEBHOOK_URL) accepted none of the attempts; ask again after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BenefitGrantsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                /** @description All grants of one person */
                idNumber?: string;
                limit?: number;
                policyCode?: string;
                /** @description The grants one run made */
                runId?: string;
                status?: "granted" | "declined" | "revoked";
                /** @description A registry id (with subjectType when both registries may hold it) */
                subjectId?: string;
                subjectType?: "person" | "enterprise";
                /** @description All grants of one enterprise */
                uscc?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitGrantsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDetailView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_grant.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitGrantsController_reveal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealGrantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDetailView"];
                };
            };
            /** @description `validation.failed`: `purpose` missing, or shorter than 5 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only admins reveal personal facts; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_grant.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePolicyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `benefit_policy.invalid_rule`, `benefit_policy.unknown_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDetailView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `benefit_policy.unknown_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_listRuns: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_startRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartRunDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunCreatedView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.inactive`, `benefit_run.in_progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_addVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePolicyVersionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `benefit_policy.invalid_rule` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_policy.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitPoliciesController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateRuleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleValidationView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitReviewsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
                policyCode?: string;
                status?: "open" | "kept" | "revoked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitReviewsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_review.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_review.resolved` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitRunsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Progress: the counters advance as chunks commit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunView"];
                };
            };
            /** @description `request.bad_parameter`: runId does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_run.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_bundles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleList"];
                };
            };
        };
    };
    CatalogController_createBundle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBundleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `catalog.invalid_bundle`, `catalog.bundle_form_conflict` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `catalog.bundle_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_bundle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the bundle with ONE merged formSchema (一表申请) and fieldOwners */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleDetailView"];
                };
            };
            /** @description `catalog.bundle_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_updateBundle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BundleFieldsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `catalog.invalid_bundle`, `catalog.bundle_form_conflict` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `catalog.bundle_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CalendarController_addWorkingDays: {
        parameters: {
            query: {
                /** @description Working days to add; 0 answers `from` */
                days: number;
                /** @description China date; the count starts the day after it */
                from: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingDayView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `calendar.beyond_horizon`: a date outside the loaded years and the two provisional ones; `year` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CalendarController_changes: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every change to the calendar, newest first; `version` numbers them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangePage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CalendarController_days: {
        parameters: {
            query: {
                from: string;
                /** @description Included; at most three years after `from` */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDaysView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `calendar.beyond_horizon`: a date outside the loaded years and the two provisional ones; `year` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CalendarController_setDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDayDto"];
            };
        };
        responses: {
            /** @description The day as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayChangeView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `calendar.beyond_horizon`: a date outside the loaded years and the two provisional ones; `year` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CalendarController_removeDayOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removes the local change; the day as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayChangeView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `calendar.no_override`: the day has no local change */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CalendarController_years: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The years whose notice is loaded, and the provisional ones after them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearsView"];
                };
            };
        };
    };
    CalendarController_loadYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoadYearDto"];
            };
        };
        responses: {
            /** @description Replaces the year's official days; recomputes the open cases they affect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoadYearView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `calendar.year_out_of_order`: before the first year, or a year after the next one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
                state?: "open" | "finished";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description a repeat with the same key returns the same case; the same key with another body is a 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedCaseView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `case.unknown_item`, `case.unknown_bundle`, `case.item_or_bundle`, `case.invalid_application`, `case.invalid_idempotency_key` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description with `onBehalfOf`: `agent.not_authorised`, `agent.authorisation_expired`, `agent.authorisation_revoked`, `agent.item_not_authorised`; `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.idempotency_key_reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_answerCorrection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerCorrectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `case.incomplete_correction` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.applicant_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.no_correction_open`, `case.concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendDeadlineDto"];
            };
        };
        responses: {
            /** @description 延期 approved by a supervisor: both deadlines move by the working days given */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.conflict_of_interest`: you are the applicant of this case (回避); `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `clock.not_running` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_verifyHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the keyed hash chain, its seal, and the head of the case and of the latest signed checkpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerificationView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_rate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseRatingView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.applicant_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_finished`, `case.already_rated` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CasesController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.applicant_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `case.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `engine.case_finished`, `case.concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CertificatesController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeCertificateDto"];
            };
        };
        responses: {
            /** @description 撤销: the licence no longer verifies (valid: false, revokedAt, reason); the holder is notified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateVerification"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `certificate.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `certificate.already_revoked` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CertificatesController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateVerification"];
                };
            };
            /** @description `certificate.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CommitmentChecksController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
                status?: "open" | "confirmed" | "false_commitment";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description earliest due first: a clerk’s own department, every department for supervisors and admins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentCheckPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CommitmentChecksController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentCheckView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `commitment_check.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CommitmentChecksController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitmentCheckDecisionDto"];
            };
        };
        responses: {
            /** @description confirmed closes the check; false_commitment revokes the case’s licences with the note as reason and notifies the holder */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentCheckView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin; `commitment_check.department_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `commitment_check.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `commitment_check.already_decided`, `case.concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CounterController_enter: {
        parameters: {
            query?: never;
            header?: {
                /** @description a repeat with the same key returns the same case */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CounterCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounterCaseView"];
                };
            };
            /** @description `identity.invalid_id_number` (path applicant.idNumber), `case.unknown_item`, `case.invalid_application`, `validation_failed`; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not a clerk (a citizen calling the counter); `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `counter.name_mismatch`: the name differs from the registry or the existing account */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_departments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentList"];
                };
            };
        };
    };
    FilesController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadFileForm"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `file.too_large`: over MAX_UPLOAD_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `file.type_not_allowed`: the content is not PDF, PNG, JPEG, TIFF or OFD; `file.unsafe_archive`: an OFD whose entries leave the archive, or too many or too large */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FilesController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `file.not_found`: no such file, or neither yours nor a material of a case you can see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FilesController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content, as an attachment with its detected type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/ofd": string;
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/tiff": string;
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `file.not_found`: no such file, or neither yours nor a material of a case you can see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description { status: "ok", info: { database, queue } }
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /**
             * @description a dependency is down
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MetricsController_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No token, or neither a valid access token nor METRICS_TOKEN; `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not an admin; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AgentsController_given: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationList"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AgentsController_authorise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthoriseAgentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
                };
            };
            /** @description `agent.unknown_agent`, `agent.self`, `agent.valid_until_past`, `agent.unknown_item`, `validation_failed`; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AgentsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `agent.authorisation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitGrantsController_mine: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BenefitGrantsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDetailView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `benefit_grant.not_declinable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnterprisesController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseList"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnterprisesController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterEnterpriseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseView"];
                };
            };
            /** @description `identity.invalid_uscc`; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.enterprise_registered` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.registry_mismatch`: the name differs from the legal-entity registry */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnterprisesController_handlers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationList"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.not_legal_representative`; `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnterprisesController_addHandler: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthoriseAgentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.not_legal_representative`; `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnterprisesController_revokeHandler: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                authorisationId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
                };
            };
            /** @description `request.bad_parameter`: authorisationId or id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.not_legal_representative`; `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `identity.legal_representative_stays`: the legal representative's own standing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
                /** @description Only the notices not yet read */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            /** @description `validation.failed` (`unread`, `limit`), `pagination.bad_cursor` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InboxController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxNoticeView"];
                };
            };
            /** @description `validation.failed`: the id is not a UUID; `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `notification.not_found`: no such notice, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InboxController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AgentsController_received: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationList"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_profile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holder's own details, for pre-filling application forms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not citizen */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubstitutesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MySubstitutesView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubstitutesController_set: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSubstituteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MySubstitutesView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `substitute.window`, `substitute.self`, `substitute.not_a_clerk`, `substitute.other_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk; `substitute.no_department` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `substitute.overlapping` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubstitutesController_clear: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no substitute any more: your tasks are yours alone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    NotificationsAdminController_attention: {
        parameters: {
            query?: {
                limit?: number;
                status?: "failed" | "held";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingNotificationList"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    NotificationsAdminController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingNotificationView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `notification.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `notification.not_failed`: it is pending, held or delivered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OperationsController_openBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardTicketView"];
                };
            };
            /** @description `auth.unauthenticated`; `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OperationsController_failedJobs: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedJobPage"];
                };
            };
            /** @description `pagination.bad_cursor`, `validation.failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`; `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OperationsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again; `retriedAt` set. Failing again moves `failedAt` on and raises a new risk flag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedJobView"];
                };
            };
            /** @description `validation.failed`: the id is not a UUID; `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`; `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `failed_job.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `failed_job.not_failed`: the job was retried already and has not failed again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OperationsController_queues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuesView"];
                };
            };
            /** @description `auth.unauthenticated`; `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
                status?: "open" | "visited" | "rectified" | "closed" | "appealed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 差评 tickets, newest first: every one for supervisors, the own department’s for clerks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_appeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketAppealDto"];
            };
        };
        responses: {
            /** @description the department appeals a malicious rating (once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin; `rating_ticket.department_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.already_appealed`, `rating_ticket.closed`, `rating_ticket.under_appeal` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_decideAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketAppealDecisionDto"];
            };
        };
        responses: {
            /** @description upheld: closed as appeal_upheld and the rating leaves the department’s score; rejected: back to work */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_appealed`, `rating_ticket.closed` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description closed by a supervisor once the 整改 is recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_rectified`, `rating_ticket.closed`, `rating_ticket.under_appeal` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_rectify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketNoteDto"];
            };
        };
        responses: {
            /** @description 整改 recorded by a clerk of the case’s department, after a 回访 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin; `rating_ticket.department_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_visited`, `rating_ticket.closed`, `rating_ticket.under_appeal` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RatingTicketsController_visit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketNoteDto"];
            };
        };
        responses: {
            /** @description 回访 recorded by a clerk of the case’s department */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingTicketView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin; `rating_ticket.department_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rating_ticket.closed`, `rating_ticket.under_appeal` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RegistryController_changes: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                /** @description The person whose changes to list */
                idNumber?: string;
                limit?: number;
                /** @description The enterprise whose changes to list */
                uscc?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangePage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `registry.subject_required` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or clerk or supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RegistryController_importEnterprises: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description CSV with a header line, or JSON Lines; UTF-8, or GB 18030 with `charset=gb18030`; may be gzip-compressed (Content-Encoding: gzip). Streamed: files of any size are read line by line. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "text/csv": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultView"];
                };
            };
            /** @description `registry.invalid_header`, `registry.invalid_gzip` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `registry.unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RegistryController_getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `registry.import_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RegistryController_importPersons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description CSV with a header line, or JSON Lines; UTF-8, or GB 18030 with `charset=gb18030`; may be gzip-compressed (Content-Encoding: gzip). Streamed: files of any size are read line by line. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "text/csv": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultView"];
                };
            };
            /** @description `registry.invalid_header`, `registry.invalid_gzip` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `registry.unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RiskFlagsController_list: {
        parameters: {
            query?: {
                caseId?: string;
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                departmentCode?: string;
                /** @description csv: this page as CSV, the next cursor in the X-Next-Cursor header */
                format?: "json" | "csv";
                kind?: "case_deadline_approaching" | "case_overdue" | "task_deadline_approaching" | "task_overdue" | "task_unclaimed" | "case_stalled" | "repeated_corrections" | "tolerated_material_overdue" | "decision_too_fast" | "auto_approval_sample" | "job_failed" | "benefit_run_jump" | "rating_ticket_due_soon" | "rating_ticket_overdue" | "commitment_check_overdue";
                limit?: number;
                severity?: "yellow" | "red";
                status?: "open" | "acknowledged" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; CSV (one page) with ?format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagPage"];
                    "text/csv": components["schemas"]["FlagPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RiskFlagsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeFlagDto"];
            };
        };
        responses: {
            /** @description Acknowledged: escalation stops; 409 if resolved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `risk_flag.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `risk_flag.resolved` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RiskFlagsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveFlagDto"];
            };
        };
        responses: {
            /** @description Resolved with the comment; 409 if resolved already */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `risk_flag.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `risk_flag.resolved` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RiskMonitorController_forecast: {
        parameters: {
            query?: {
                /** @description When the imagined scan runs (ISO-8601 with offset); default now */
                asOf?: string;
                /** @description Only what concerns this case */
                caseId?: string;
                departmentCode?: string;
                /** @description csv (UTF-8 with BOM) also by `Accept: text/csv` */
                format?: "json" | "csv";
                /** @description decision_too_fast and auto_approval_sample look back, not ahead: only when named here */
                kind?: "case_deadline_approaching" | "case_overdue" | "task_deadline_approaching" | "task_overdue" | "task_unclaimed" | "case_stalled" | "repeated_corrections" | "tolerated_material_overdue" | "decision_too_fast" | "auto_approval_sample" | "job_failed" | "benefit_run_jump" | "rating_ticket_due_soon" | "rating_ticket_overdue" | "commitment_check_overdue";
                /** @description Items answered, red first; `total` counts them all */
                limit?: number;
                severity?: "yellow" | "red";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a scan at asOf would flag; nothing is stored. CSV with ?format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastView"];
                    "text/csv": components["schemas"]["ForecastView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RiskMonitorController_scan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; poll GET /risk-monitor/scans/:scanId */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanCreatedView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RiskMonitorController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scanId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanView"];
                };
            };
            /** @description `request.bad_parameter`: scanId does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `risk_scan.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_items: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemList"];
                };
            };
        };
    };
    CatalogController_createItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `catalog.invalid_item` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `catalog.item_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemView"];
                };
            };
            /** @description `catalog.item_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CatalogController_updateItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceItemFieldsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `catalog.invalid_item`, `catalog.bundle_form_conflict` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `catalog.item_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                caseId?: string;
                /** @description only the tasks of colleagues the caller stands in for now (代岗) */
                covering?: boolean;
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
                /** @description only tasks past their due time */
                overdue?: boolean;
                status?: "open" | "claimed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller's department queue, oldest deadline first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk; `task.no_department` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignDto"];
            };
        };
        responses: {
            /** @description the task, claimed for the clerk (no lease runs out), who is notified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `task.assignee_not_clerk`, `task.assignee_other_department`, `task.assignee_conflict_of_interest` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin; `task.not_supervisor` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.closed`, `case.concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.conflict_of_interest`: you are a party to the case (its applicant): a colleague must handle it (回避); `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.closed`, `task.claimed_by_other` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_pauseClock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseClockDto"];
            };
        };
        responses: {
            /** @description stops the case clock for an expert review, hearing, inspection or testing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.conflict_of_interest`: you are a party to the case (its applicant): a colleague must handle it (回避); `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.closed`, `task.claimed_by_other`, `clock.already_paused`, `clock.not_running` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_resumeClock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResumeClockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.conflict_of_interest`: you are a party to the case (its applicant): a colleague must handle it (回避); `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.closed`, `task.claimed_by_other`, `clock.not_paused_by_clerk` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `task.correction_needs_items`, `task.unknown_department`, `task.same_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.conflict_of_interest`: you are a party to the case (its applicant): a colleague must handle it (回避); `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.closed`, `task.claimed_by_other`, `case.concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `engine.action_not_allowed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `task.closed`, `task.claimed_by_other` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_bulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDto"];
            };
        };
        responses: {
            /** @description one result per task, each applied or refused on its own */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResponseView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `task.bulk_repeated`, `task.bulk_needs_user`, `task.bulk_needs_decision` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not clerk or supervisor or admin; `task.no_department`, `task.not_supervisor` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TasksController_workload: {
        parameters: {
            query?: {
                /** @description the department; a supervisor of one department defaults to it */
                departmentCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkloadView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `task.department_required`, `task.unknown_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not supervisor or admin; `task.not_supervisor` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPage"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `user.department_required`, `user.unknown_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `user.username_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse; `validation.failed`: a field of the query or body is invalid (`errors[].path` names it); `user.department_required`, `user.unknown_department` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `user.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description `validation.failed`: url, events or secret */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook.target_not_allowed`: the URL resolves to a loopback, private or link-local address; `webhook.target_unresolvable` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description `validation.failed`; `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook.target_not_allowed`: the URL resolves to a loopback, private or link-local address; `webhook.target_unresolvable` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page, as given */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description `pagination.bad_cursor`, `validation.failed`; `request.bad_parameter`: id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryView"];
                };
            };
            /** @description `request.bad_parameter`: deliveryId or id does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only; `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook_delivery.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `webhook_delivery.not_failed`: pending or delivered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowList"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or supervisor or clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A workflow definition: JSON, or YAML text with Content-Type application/yaml */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersionRef"];
                };
            };
            /** @description `workflow.invalid`, `workflow.unsafe_yaml` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowView"];
                };
            };
            /** @description `workflow.not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowMigrationsController_migrate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowMigrationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowMigrationView"];
                };
            };
            /** @description `validation.failed`: a field of the query or body is invalid (`errors[].path` names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.version_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.unreadable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `migration.same_version`, `migration.version_not_published`, `migration.unknown_source_step`, `migration.unknown_target_step`, `migration.incompatible_step` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the definition document itself (docs/cases.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description `request.bad_parameter`: version does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.version_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_graph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowGraphView"];
                };
            };
            /** @description `request.bad_parameter`: version does not parse */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin or supervisor or clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.version_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.unreadable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersionRef"];
                };
            };
            /** @description `request.bad_parameter`: version does not parse; `workflow.invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.version_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `workflow.superseded` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WorkflowsController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A workflow definition: JSON, or YAML text with Content-Type application/yaml */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationResultView"];
                };
            };
            /** @description `workflow.unsafe_yaml` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.unauthenticated`, `auth.session_ended`, `auth.session_revoked`: no valid bearer token, or its session ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `auth.forbidden`: the caller is not admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
