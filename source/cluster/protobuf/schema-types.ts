import protobuf from 'protobufjs/light.js';
import {schemaMessages, type MessageName} from './schema.js';

// protobufjs Types of schema.ts's messages, for what wants a Type (the tests encode with them, as
// the oracle the decoder is checked against); kpods' own reading goes by the schema itself.
const root = protobuf.Root.fromJSON({nested: {k8s: {nested: schemaMessages}}});

/** The protobufjs type of one of the schema's messages. */
export function messageType(name: MessageName): protobuf.Type {
	return root.lookupType(`k8s.${name}`);
}
