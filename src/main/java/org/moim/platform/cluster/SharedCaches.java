package org.moim.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.time.Duration;
import javax.cache.Cache;
import javax.cache.CacheManager;
import jakarta.inject.Inject;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Caches shared by every node of a cluster: JCache, which Payara backs with its Hazelcast data
 * grid. Payara's clustering therefore stays on even for a single node (the launcher binds it to
 * the loopback interface). Entries expire a fixed time after they were created.
 */
@ApplicationScoped
public class SharedCaches {

    /** Payara's JCache manager on its Hazelcast member (clustering must be enabled). */
    @Inject
    CacheManager manager;

    /** The cache with this name, created on first use by whichever node asks first. */
    public <K extends Serializable, V extends Serializable> Cache<K, V> cache(
            String name, Class<K> keyType, Class<V> valueType, Duration timeToLive) {
        CacheManager cacheManager = manager;
        Cache<K, V> cache = cacheManager.getCache(name, keyType, valueType);
        if (cache != null) {
            return cache;
        }
        var configuration = new MutableConfiguration<K, V>()
                .setTypes(keyType, valueType)
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.SECONDS, timeToLive.toSeconds())));
        try {
            return cacheManager.createCache(name, configuration);
        } catch (javax.cache.CacheException alreadyCreatedElsewhere) {
            Cache<K, V> existing = cacheManager.getCache(name, keyType, valueType);
            if (existing == null) {
                throw alreadyCreatedElsewhere;
            }
            return existing;
        }
    }
}
