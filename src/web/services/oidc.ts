import * as client from "openid-client";
import type { OidcConfig } from "../config.js";

/** What the browser must bring back to the callback (kept in a short-lived signed cookie). */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcIdentity {
  /** `issuer|sub`: unique per identity provider and user. */
  subject: string;
  /** The email claim, or Entra ID's preferred_username (the user's sign-in name). */
  email: string | undefined;
}

/**
 * Single sign-on with OpenID Connect (authorisation code flow with PKCE,
 * state and nonce), for Microsoft Entra ID or any compliant provider. The
 * provider's settings are discovered on first use.
 */
export class OidcService {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcConfig) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e) => {
        this.configuration = undefined;
        throw e;
      });
    return this.configuration;
  }

  /** Where to send the browser, and what to remember until it comes back. */
  async start(): Promise<{ url: string; pending: OidcPending }> {
    const config = await this.config();
    const pending: OidcPending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: "openid email profile",
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: "S256",
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code the provider sent back (checking state, nonce and PKCE) for the user's identity. */
  async finish(callbackUrl: URL, pending: OidcPending): Promise<OidcIdentity> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      pkceCodeVerifier: pending.verifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("the identity provider sent no ID token");
    const email = [claims.email, claims.preferred_username].find(
      (v): v is string => typeof v === "string" && v.includes("@"),
    );
    return { subject: `${claims.iss}|${claims.sub}`, email: email?.toLowerCase() };
  }
}
