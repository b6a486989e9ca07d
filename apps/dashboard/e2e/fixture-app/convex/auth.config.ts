// One provider, so that the dashboard's Settings page has one to list.
export default {
  providers: [{ domain: 'https://issuer.example.com', applicationID: 'convex' }],
};
