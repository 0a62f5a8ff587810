import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";

/**
 * Form posts (application/x-www-form-urlencoded, small) and file uploads
 * (multipart/form-data) with limits on the size of each file, the number of
 * files and the other fields. The upload route reads the parts itself, so
 * files stream in and a file over the limit stops at the limit.
 */
export async function setUpRequestParsing(
  app: FastifyInstance,
  o: { maxFileBytes: number; maxFiles: number },
): Promise<void> {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(multipart, {
    limits: {
      fileSize: o.maxFileBytes,
      files: o.maxFiles,
      fields: 10,
      fieldSize: 4 * 1024,
      parts: o.maxFiles + 10,
      headerPairs: 100,
    },
  });
}
