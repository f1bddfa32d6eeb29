// Runs once, when the mongo image initialises an empty data volume (/docker-entrypoint-initdb.d, as root).
// One database per service, and one user per service that can read and write its own database and nothing else.
// The passwords come from the container's environment (deploy/.env). Rotating one later: see deploy/README.md.
const prefix = process.env.MONGO_DATABASE_PREFIX || 'leadplatform';
const services = [
  ['intake', 'MONGO_INTAKE_PASSWORD'],
  ['qualification', 'MONGO_QUALIFICATION_PASSWORD'],
  ['followup', 'MONGO_FOLLOWUP_PASSWORD'],
];

for (const [service, variable] of services) {
  const password = process.env[variable];
  if (!password) throw new Error(`${variable} is not set: the ${service} user cannot be created`);
  const database = `${prefix}-${service}`;
  db.getSiblingDB(database).createUser({
    user: service,
    pwd: password,
    roles: [{ role: 'readWrite', db: database }],
  });
  print(`created user ${service} on ${database}`);
}
