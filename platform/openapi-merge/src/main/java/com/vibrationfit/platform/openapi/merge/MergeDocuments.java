package com.vibrationfit.platform.openapi.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges services' OpenAPI documents with the gateway's own {@link OpenApiMerger}, as GET /openapi does, into one
 * file: {@code java -cp <gateway classes and Jackson> MergeDocuments.java OUT name=document.json ...}.
 */
public class MergeDocuments {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            documents.put(pair[0], mapper.readTree(new File(pair[1])));
        }
        mapper.writerWithDefaultPrettyPrinter()
                .writeValue(new File(args[0]), new OpenApiMerger(mapper).merge(documents, "1.0"));
    }
}
