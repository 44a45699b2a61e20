/** What an API server answers in its protobuf encoding (kpods asks for it first, with JSON as the fallback). */
export const protobufMediaType = 'application/vnd.kubernetes.protobuf';
