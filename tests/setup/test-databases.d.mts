export declare const DEFAULT_ADMIN_URL: string;
export declare function testAdminUrl(env?: NodeJS.ProcessEnv): string;
export declare function freshDatabaseName(kind?: string): string;
export declare function scratchDatabaseName(base: string): string;
export declare function databaseUrl(adminUrl: string, name: string): string;
export declare function createDatabase(adminUrl: string, name: string): Promise<string>;
export declare function dropDatabase(adminUrl: string, name: string): Promise<void>;
export declare function dropDatabaseFamily(adminUrl: string, base: string): Promise<void>;
