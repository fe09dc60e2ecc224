package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.sluice.types.DataTypes.BINARY;
import static dev.sluice.types.DataTypes.STRING;

/**
 * AES as Spark's aes_encrypt / aes_decrypt / try_aes_decrypt: keys of 16, 24 or 32 bytes; modes GCM (default;
 * 12-byte IV and 128-bit tag, optional AAD), CBC (16-byte IV, PKCS padding) and ECB (PKCS padding); the IV is
 * written before the cipher text. aes_encrypt draws a random IV unless one is given, so it is not deterministic.
 */
public final class AesFunctions {
    private AesFunctions() {}

    private static final SecureRandom RANDOM = new SecureRandom();

    public static List<ScalarFunction> all() {
        return List.of(
                new DerivedFunctions.Volatile(RowFunction.nullable("aes_encrypt", AesFunctions::bind,
                        (v, s) -> v[0] == null || v[1] == null ? null : crypt(v, true, false))),
                RowFunction.nullable("aes_decrypt", AesFunctions::bind, (v, s) -> v[0] == null || v[1] == null ? null : crypt(v, false, false)),
                RowFunction.nullable("try_aes_decrypt", AesFunctions::bind, (v, s) -> v[0] == null || v[1] == null ? null : crypt(v, false, true)));
    }

    static Signature bind(String fn, List<Expression> args) {
        boolean encrypt = fn.equals("aes_encrypt");
        FnArgs.arity(fn, args, 2, encrypt ? 6 : 5);
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            boolean binary = i < 2 || (encrypt ? i == 4 || i == 5 : i == 4);
            types.add(FnArgs.expect(fn, args, i, binary ? BINARY : STRING));
        }
        return new Signature(types, BINARY, true);
    }

    static byte[] crypt(Object[] v, boolean encrypt, boolean lenient) {
        String fn = encrypt ? "aes_encrypt" : "aes_decrypt";
        byte[] input = (byte[]) v[0], key = (byte[]) v[1];
        String mode = v.length > 2 && v[2] != null ? ((String) v[2]).toUpperCase(Locale.ROOT) : "GCM";
        String padding = v.length > 3 && v[3] != null ? ((String) v[3]).toUpperCase(Locale.ROOT) : "DEFAULT";
        byte[] iv = encrypt && v.length > 4 ? (byte[]) v[4] : null;
        byte[] aad = encrypt ? (v.length > 5 ? (byte[]) v[5] : null) : (v.length > 4 ? (byte[]) v[4] : null);
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", fn)
                    .with("reason", "the key must be 16, 24 or 32 bytes long, got " + key.length).build();
        }
        boolean ok = mode.equals("GCM") ? padding.equals("DEFAULT") || padding.equals("NONE")
                : (mode.equals("ECB") || mode.equals("CBC")) && (padding.equals("DEFAULT") || padding.equals("PKCS"));
        if (!ok) throw FnArgs.badInput(fn, "the mode " + mode + " with the padding " + padding + " is not supported");
        try {
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            Cipher c;
            switch (mode) {
                case "ECB": {
                    c = Cipher.getInstance("AES/ECB/PKCS5Padding");
                    c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, spec);
                    return c.doFinal(input);
                }
                case "CBC": {
                    c = Cipher.getInstance("AES/CBC/PKCS5Padding");
                    return withIv(c, spec, input, encrypt, iv, 16, null, fn);
                }
                default: {
                    c = Cipher.getInstance("AES/GCM/NoPadding");
                    return withIv(c, spec, input, encrypt, iv, 12, aad, fn);
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            if (lenient) return null;
            throw FnArgs.badInput(fn, "detail message: " + e.getMessage());
        }
    }

    private static byte[] withIv(Cipher c, SecretKeySpec key, byte[] input, boolean encrypt, byte[] iv, int ivLength, byte[] aad, String fn)
            throws GeneralSecurityException {
        if (encrypt) {
            if (iv == null || iv.length == 0) {
                iv = new byte[ivLength];
                RANDOM.nextBytes(iv);
            } else if (iv.length != ivLength) {
                throw FnArgs.badInput(fn, "the IV must be " + ivLength + " bytes long, got " + iv.length);
            }
        } else {
            iv = Arrays.copyOfRange(input, 0, ivLength);
            input = Arrays.copyOfRange(input, ivLength, input.length);
        }
        if (ivLength == 12) c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        else c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        if (aad != null) c.updateAAD(aad);
        byte[] out = c.doFinal(input);
        if (!encrypt) return out;
        byte[] withIv = new byte[iv.length + out.length];
        System.arraycopy(iv, 0, withIv, 0, iv.length);
        System.arraycopy(out, 0, withIv, iv.length, out.length);
        return withIv;
    }
}
