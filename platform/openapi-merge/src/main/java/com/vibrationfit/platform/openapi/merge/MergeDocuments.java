package com.vibrationfit.platform.openapi.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges services' OpenAPI documents with the gateway's own {@link OpenApiMerger}, as GET /openapi does, into one
 * file: {@code java -cp <this module and Jackson> com.vibrationfit.platform.openapi.merge.MergeDocuments OUT
 * name=document.json ...}. OUT's folder is created when missing (a clean build has no target/openapi yet).
 */
public class MergeDocuments {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            documents.put(pair[0], mapper.readTree(new File(pair[1])));
        }
        File out = new File(args[0]);
        if (out.getAbsoluteFile().getParentFile() != null) {
            out.getAbsoluteFile().getParentFile().mkdirs();
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, new OpenApiMerger(mapper).merge(documents, "1.0"));
    }
}
