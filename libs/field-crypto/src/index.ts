export { DerivedKeys, type DerivedKey, type KeyRing } from './derived-keys.js';
export { FieldCipher, FieldCryptoError, sealedKeyId, type FieldCryptoErrorCode } from './field-cipher.js';
export { deriveKey, generateKeyText, KEY_BYTES, keyIdOf, parseKey, publicKeyIdOf, type KeyParse } from './key-material.js';
export { signingKeyFromSeed, signText, verifyText, type SigningKey } from './signing.js';
